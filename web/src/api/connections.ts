import { z } from 'zod';
import { apiDelete, apiGet, apiPost } from './client';
// The server's contract: the route's own schemas check what arrives (CONVENTIONS.md, one
// contract per endpoint). They load with the connect chunk only, never the landing page.
import { availableAccountSchema, connectionStatusSchema } from '../../../src/connections/routes.schema.js';
import type { CallbackProblem } from '../../../src/connections/oauth-flow.js';
import type { SyncProgress } from '../../../src/connections/sync/progress.js';
import type { PlatformId } from '../../../src/platforms/types.js';

export type { CallbackProblem, PlatformId, SyncProgress };

type RawStatus = z.output<typeof connectionStatusSchema>;
type RawPlatform = RawStatus['platforms'][number];
type RawAccount = RawPlatform['accounts'][number];

export type PlatformState = RawPlatform['state'];
export type ConnectedAccount = Omit<RawAccount, 'progress'> & { progress: SyncProgress };
export type PlatformStatus = Omit<RawPlatform, 'accounts'> & { accounts: ConnectedAccount[] };
export interface ConnectionsStatus {
  platforms: PlatformStatus[];
}
export type AvailableAccount = z.output<typeof availableAccountSchema>;

const count = z.number().int().nonnegative().catch(0);
const when = z.string().nullable().catch(null);

/**
 * The server stores progress as free JSON (`{}` before the first sync starts), so each field
 * falls back on its own: a missing or odd field shows as "nothing yet", never as a broken page.
 */
const progressSchema = z.object({
  kind: z.enum(['initial', 'incremental']).catch('initial'),
  step: z.enum(['queued', 'entities', 'metrics', 'done', 'failed', 'needs_reconnect']).catch('queued'),
  percent: z.number().min(0).max(100).catch(0),
  campaigns: count,
  adSets: count,
  ads: count,
  metricRows: count,
  days: z.object({ done: count, total: count }).catch({ done: 0, total: 0 }),
  startedAt: when,
  finishedAt: when,
  waitingUntil: when,
  error: when,
}) satisfies z.ZodType<SyncProgress>;

export function parseProgress(raw: unknown): SyncProgress {
  return progressSchema.parse(raw ?? {});
}

/** The server's answer with each account's progress read field by field. */
export function parseConnectionsStatus(raw: unknown): ConnectionsStatus {
  const parsed = connectionStatusSchema.parse(raw);
  return {
    platforms: parsed.platforms.map((p) => ({ ...p, accounts: p.accounts.map((a) => ({ ...a, progress: parseProgress(a.progress) })) })),
  };
}

export const CONNECTION_PATHS = {
  status: '/api/v1/connections',
  accounts: (platform: PlatformId) => `/api/v1/connections/${platform}/accounts`,
  sync: (platform: PlatformId) => `/api/v1/connections/${platform}/sync`,
  connection: (platform: PlatformId) => `/api/v1/connections/${platform}`,
  /** A full-page navigation (an `<a href>`): the server answers with a redirect to the platform. */
  start: (platform: PlatformId) => `/api/v1/oauth/${platform}/start`,
} as const;

/** Every platform's state, accounts and sync progress; 401 when signed out. */
export async function fetchConnections(signal?: AbortSignal): Promise<ConnectionsStatus> {
  return parseConnectionsStatus(await apiGet<unknown>(CONNECTION_PATHS.status, signal ? { signal } : {}));
}

/** The accounts the last grant reaches, for the selection step; 404 when there is no grant. */
export async function fetchAvailableAccounts(platform: PlatformId, signal?: AbortSignal): Promise<AvailableAccount[]> {
  const raw = await apiGet<unknown>(CONNECTION_PATHS.accounts(platform), signal ? { signal } : {});
  return z.object({ accounts: z.array(availableAccountSchema) }).parse(raw).accounts;
}

/** Connects the chosen accounts and queues their first sync (202). */
export function connectAccounts(platform: PlatformId, accountIds: readonly string[]): Promise<{ queued: number }> {
  return apiPost<{ queued: number }>(CONNECTION_PATHS.accounts(platform), { account_ids: accountIds });
}

/** Queues a sync of every connected account of the platform (202); 409 while it needs a reconnect. */
export function syncPlatform(platform: PlatformId): Promise<{ queued: number }> {
  return apiPost<{ queued: number }>(CONNECTION_PATHS.sync(platform));
}

/** Removes the platform's connection: its tokens, its accounts and their synced data. */
export function disconnectPlatform(platform: PlatformId): Promise<void> {
  return apiDelete(CONNECTION_PATHS.connection(platform));
}
