import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { adAccounts, platformConnections } from '../../db/schema/index.js';
import { isPlatformError, type PlatformError } from '../../platforms/errors.js';
import type { ConnectionServices } from '../services.js';
import { percentOf, emptyProgress, type SyncProgress } from './progress.js';
import { settleConnection } from './sync-account.js';

/** What the job does after a failed sync attempt. */
export type FailureOutcome =
  | { action: 'stop'; reason: string }
  | { action: 'retry'; retryAfterSeconds: number | null; reason: string }
  | { action: 'fail'; reason: string };

/**
 * The one place that decides what a platform error means for a sync (CONVENTIONS.md): a dead
 * token stops the connection and asks the owner to reconnect; throttling and transient errors
 * retry (after the platform's wait); anything else is this account's failure, shown as is.
 */
export function decideFailure(err: unknown): FailureOutcome {
  const reason = (err as Error)?.message ?? String(err);
  if (!isPlatformError(err)) return { action: 'retry', retryAfterSeconds: null, reason };
  const e: PlatformError = err;
  switch (e.code) {
    case 'AUTH_EXPIRED':
      return { action: 'stop', reason };
    case 'RATE_LIMITED':
      return { action: 'retry', retryAfterSeconds: e.details.retryAfterMs ? Math.ceil(e.details.retryAfterMs / 1000) : null, reason };
    case 'TRANSIENT':
    case 'UNKNOWN':
      return { action: 'retry', retryAfterSeconds: null, reason };
    default:
      return { action: 'fail', reason };
  }
}

/** The token no longer works: every account of the connection waits for a reconnect. Returns true the first time (email then). */
export async function markNeedsReconnect(s: ConnectionServices, connectionId: string, reason: string): Promise<boolean> {
  const now = s.now();
  await s.db
    .update(platformConnections)
    .set({ status: 'needs_reconnect', lastError: reason, updatedAt: now })
    .where(eq(platformConnections.id, connectionId));
  await s.db
    .update(adAccounts)
    .set({ syncStatus: 'needs_reconnect', lastError: reason, updatedAt: now })
    .where(eq(adAccounts.connectionId, connectionId));
  const [first] = await s.db
    .update(platformConnections)
    .set({ reconnectEmailedAt: now })
    .where(and(eq(platformConnections.id, connectionId), isNull(platformConnections.reconnectEmailedAt)))
    .returning({ id: platformConnections.id });
  return Boolean(first);
}

export async function markAccountFailed(s: ConnectionServices, adAccountId: string, reason: string, final: boolean, waitingUntil: Date | null): Promise<void> {
  const [row] = await s.db.select({ progress: adAccounts.syncProgress, connectionId: adAccounts.connectionId }).from(adAccounts).where(eq(adAccounts.id, adAccountId));
  if (!row) return;
  const progress = { ...emptyProgress('initial'), ...(row.progress as Partial<SyncProgress>) };
  const next: SyncProgress = { ...progress, step: final ? 'failed' : progress.step, error: reason, waitingUntil: waitingUntil?.toISOString() ?? null };
  next.percent = percentOf(next);
  await s.db
    .update(adAccounts)
    .set({ syncStatus: final ? 'failed' : 'syncing', lastError: reason, syncProgress: next, updatedAt: s.now() })
    .where(eq(adAccounts.id, adAccountId));
  if (final) {
    await s.db
      .update(platformConnections)
      .set({ lastError: reason, failureCount: sql`${platformConnections.failureCount} + 1`, updatedAt: s.now() })
      .where(and(eq(platformConnections.id, row.connectionId), inArray(platformConnections.status, ['syncing', 'active', 'failed'])));
    await settleConnection(s, row.connectionId, s.now(), 'failed');
  }
}
