import { z } from 'zod';
import type { CallbackProblem, PlatformId } from '../../api/connections';
import { platformIds } from '../../../../src/platforms/types.js';

/** What the connect page shows, read from its address so a reload or a shared link keeps it. */
export type ConnectView =
  | { kind: 'cards'; focus: PlatformId | null }
  | { kind: 'select'; platform: PlatformId }
  | { kind: 'progress'; platform: PlatformId }
  | { kind: 'problem'; platform: PlatformId | null; problem: CallbackProblem };

export const CALLBACK_PROBLEMS = ['denied', 'bad_state', 'expired', 'exchange_failed', 'no_accounts', 'platform_error'] as const satisfies readonly CallbackProblem[];

const platform = z.enum(platformIds).nullable().catch(null);
// An error code this page does not know yet is still an error: say "the platform had a problem".
const problem = z.enum(CALLBACK_PROBLEMS).nullable().catch('platform_error');

/**
 * `?select=meta` (the callback's success), `?sync=meta` (after "Connect selected accounts"),
 * `?platform=meta&error=denied` (the callback's refusal) and `?reconnect=meta` (the reconnect
 * email's link); anything else is the cards.
 */
export function viewFromSearch(search: string): ConnectView {
  const q = new URLSearchParams(search);
  const read = (name: string) => platform.parse(q.get(name)?.trim() || null);
  const error = q.get('error')?.trim();
  if (error) return { kind: 'problem', platform: read('platform'), problem: problem.parse(error) ?? 'platform_error' };
  const select = read('select');
  if (select) return { kind: 'select', platform: select };
  const sync = read('sync');
  if (sync) return { kind: 'progress', platform: sync };
  return { kind: 'cards', focus: read('reconnect') };
}

/** The addresses of the views above, so links and navigation build them one way. */
export const connectPaths = {
  cards: '/connect',
  select: (p: PlatformId) => `/connect?select=${p}`,
  progress: (p: PlatformId) => `/connect?sync=${p}`,
} as const;
