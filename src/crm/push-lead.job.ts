import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inScope } from '../db/scope.js';
import { crmPushes, leads } from '../db/schema/index.js';
import { defineJob, type RetryPolicy } from '../jobs/define.js';
import { CrmError, clip } from './errors.js';

/**
 * Six retries after the first attempt, about 30 s, 1, 2, 4, 8 and 16 min apart (pg-boss doubles
 * the delay, with jitter), so a CRM outage of about half an hour loses nothing. A Retry-After
 * longer than the next delay pushes that retry later; an error no retry can fix stops at once.
 */
export const CRM_PUSH_RETRY: RetryPolicy = { limit: 6, delaySeconds: 30, backoff: true };

/** Delivers one owed push (a `crm_pushes` row) and records every attempt's outcome on it. */
export const crmPushJob = defineJob({
  name: 'crm.push-lead',
  payload: z.object({ workspaceId: z.string(), pushId: z.string() }),
  retry: CRM_PUSH_RETRY,
  expireInSeconds: 120,
  concurrency: 2,
  singletonKey: ({ pushId }) => `crm:${pushId}`,
  async handler({ workspaceId, pushId }, ctx) {
    const scope = { workspaceId };
    const [push] = await ctx.db.select().from(crmPushes).where(inScope(crmPushes, scope, eq(crmPushes.id, pushId)));
    // Gone with its lead (deleted), or already delivered by an earlier attempt.
    if (!push || push.status === 'sent') return;
    const [lead] = await ctx.db.select().from(leads).where(inScope(leads, scope, eq(leads.id, push.leadId)));
    if (!lead) return;

    const now = ctx.now();
    const log = ctx.log.child({ pushId, leadId: lead.id, provider: push.provider });
    try {
      const adapter = ctx.services.crm;
      if (adapter?.provider !== push.provider) {
        throw new CrmError(`this lead was owed to ${push.provider}, but CRM_PROVIDER is now ${adapter?.provider ?? 'none'}`, { code: 'INVALID', retryable: false });
      }
      const result = await adapter.pushLead(lead, { eventId: push.id, now });
      await ctx.db
        .update(crmPushes)
        .set({
          status: 'sent',
          attempts: sql`${crmPushes.attempts} + 1`,
          externalId: result.externalId,
          lastHttpStatus: result.httpStatus,
          lastError: result.note ?? null,
          sentAt: now,
          updatedAt: now,
        })
        .where(eq(crmPushes.id, push.id));
      log.info({ externalId: result.externalId, attempt: push.attempts + 1 }, 'lead pushed to the CRM');
    } catch (err) {
      const e = err instanceof CrmError ? err : new CrmError(`unexpected error: ${clip((err as Error).message ?? String(err), 300)}`, { code: 'UNKNOWN', retryable: true });
      // Final when no retry can help, or when this was the queue's last try (a re-driven job
      // gets one more attempt, and its retry count is past the limit too).
      const final = !e.retryable || ctx.retryCount >= CRM_PUSH_RETRY.limit;
      const retryNote = !final && e.retryAfterSeconds !== null ? ` (asked to retry after ${e.retryAfterSeconds} s)` : '';
      await ctx.db
        .update(crmPushes)
        .set({
          status: final ? 'failed' : 'pending',
          attempts: sql`${crmPushes.attempts} + 1`,
          lastHttpStatus: e.httpStatus,
          lastError: clip(`${e.code}: ${e.message}${retryNote}`, 1000),
          updatedAt: now,
        })
        .where(eq(crmPushes.id, push.id));
      log.warn({ code: e.code, httpStatus: e.httpStatus, retryable: e.retryable, final, attempt: push.attempts + 1, err: e.message }, final ? 'CRM push failed for good' : 'CRM push attempt failed; will retry');
      throw e;
    }
  },
});
