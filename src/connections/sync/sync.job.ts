import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { adAccounts, platformConnections } from '../../db/schema/index.js';
import { defineJob, type JobContext, type JobDefinition } from '../../jobs/define.js';
import { platformIds, type PlatformId } from '../../platforms/types.js';
import type { ConnectionServices } from '../services.js';
import { decideFailure, markAccountFailed, markNeedsReconnect } from './failures.js';
import { syncAccount } from './sync-account.js';

const payload = z.object({ workspaceId: z.string().min(1), adAccountId: z.string().min(1), connectionId: z.string().min(1) });
export type SyncPayload = z.output<typeof payload>;

const RETRY = { limit: 5, delaySeconds: 30, backoff: true };

export function connectionServicesOf(ctx: JobContext): ConnectionServices {
  return { db: ctx.db, vault: ctx.services.connections.vault, platforms: ctx.services.connections.platforms, publicUrl: ctx.services.publicUrl, now: ctx.now };
}

/** An error that tells the queue not to retry (see jobs/define.ts failureHintOf). */
class FinalSyncError extends Error {
  readonly retryable = false;
}
class RetrySyncError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }
}

/**
 * One queue per platform, so a platform that throttles or answers slowly holds up only its
 * own accounts. One queued sync per ad account (singleton key).
 */
function syncJobFor(platform: PlatformId) {
  return defineJob({
    name: `connections.sync-${platform}`,
    payload,
    retry: RETRY,
    // A 10,000-ad account with a year of history takes minutes; past an hour something is stuck.
    expireInSeconds: 3600,
    concurrency: 2,
    singletonKey: (p) => `sync:${p.adAccountId}`,
    async handler(p, ctx) {
      const s = connectionServicesOf(ctx);
      try {
        await syncAccount(s, ctx.services.connections.sync, p, ctx.log);
      } catch (err) {
        const outcome = decideFailure(err);
        const final = outcome.action !== 'retry' || ctx.retryCount >= RETRY.limit;
        if (outcome.action === 'stop') {
          const first = await markNeedsReconnect(s, p.connectionId, outcome.reason);
          if (first) await ctx.services.connections.notifyReconnect({ workspaceId: p.workspaceId, connectionId: p.connectionId });
          ctx.log.warn({ adAccountId: p.adAccountId, reason: outcome.reason }, 'platform token no longer works; connection needs reconnect');
          return;
        }
        const waitingUntil = outcome.action === 'retry' && outcome.retryAfterSeconds ? new Date(s.now().getTime() + outcome.retryAfterSeconds * 1000) : null;
        await markAccountFailed(s, p.adAccountId, outcome.reason, final, waitingUntil);
        if (outcome.action === 'fail') throw new FinalSyncError(outcome.reason);
        throw new RetrySyncError(outcome.reason, outcome.action === 'retry' ? outcome.retryAfterSeconds : null);
      }
    },
  });
}

export const syncJobs = Object.fromEntries(platformIds.map((p) => [p, syncJobFor(p)])) as Record<PlatformId, JobDefinition<typeof payload>>;

/**
 * Every SYNC_INTERVAL_MINUTES: an incremental sync for each account whose connection works.
 * Accounts already queued are skipped by the singleton key.
 */
export const syncDueJob = defineJob({
  name: 'connections.sync-due',
  payload: z.object({}).passthrough(),
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  expireInSeconds: 300,
  async handler(_p, ctx) {
    const rows = await ctx.db
      .select({ workspaceId: adAccounts.workspaceId, adAccountId: adAccounts.id, connectionId: adAccounts.connectionId, platform: adAccounts.platform })
      .from(adAccounts)
      .innerJoin(platformConnections, eq(platformConnections.id, adAccounts.connectionId))
      .where(and(inArray(platformConnections.status, ['active', 'syncing']), inArray(adAccounts.syncStatus, ['synced', 'failed'])));
    for (const platform of platformIds) {
      const due = rows.filter((r) => r.platform === platform).map(({ workspaceId, adAccountId, connectionId }) => ({ workspaceId, adAccountId, connectionId }));
      await ctx.services.connections.enqueueSyncs(platform, due);
    }
    ctx.log.info({ accounts: rows.length }, 'incremental syncs queued');
  },
});
