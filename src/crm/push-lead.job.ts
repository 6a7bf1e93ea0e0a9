import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inScope } from '../db/scope.js';
import { crmPushes, leads, type CrmPushRow } from '../db/schema/index.js';
import { withTransaction } from '../db/tx.js';
import { defineJob, type RetryPolicy } from '../jobs/define.js';
import { CrmError, clip } from './errors.js';
import { CRM_BATCH_MAX, failed, type PushOutcome } from './types.js';

/**
 * Six retries after the first attempt, about 30 s, 1, 2, 4, 8 and 16 min apart (pg-boss doubles
 * the delay, with jitter), so a CRM outage of about half an hour loses nothing. A Retry-After
 * longer than the next delay pushes that retry later; an error no retry can fix stops at once.
 */
export const CRM_PUSH_RETRY: RetryPolicy = { limit: 6, delaySeconds: 30, backoff: true };

const batchPayload = z.object({ workspaceId: z.string(), pushIds: z.array(z.string()).min(1).max(CRM_BATCH_MAX) });

const asCrmError = (err: unknown): CrmError =>
  err instanceof CrmError ? err : new CrmError(`unexpected error: ${clip((err as Error)?.message ?? String(err), 300)}`, { code: 'UNKNOWN', retryable: true });

/**
 * The error the job ends with when some pushes failed: retryable when any failure is (the retry
 * sends only those still pending), waiting the longest Retry-After any of them was given.
 */
export function jobErrorOf(failures: readonly CrmError[], total: number): CrmError | null {
  if (failures.length === 0) return null;
  const retryable = failures.filter((e) => e.retryable);
  const primary = retryable[0] ?? failures[0]!;
  if (total === 1) return primary;
  const waits = retryable.map((e) => e.retryAfterSeconds).filter((s): s is number => s !== null);
  return new CrmError(`${failures.length} of ${total} CRM pushes failed (${retryable.length} to retry); first: ${primary.message}`, {
    code: primary.code,
    retryable: retryable.length > 0,
    httpStatus: primary.httpStatus,
    retryAfterSeconds: waits.length > 0 ? Math.max(...waits) : null,
  });
}

/**
 * Delivers a batch of owed pushes (`crm_pushes` rows, at most 100) in as few CRM calls as the
 * provider allows, and records each push's own outcome on its row. Only pushes still `pending`
 * are sent, so a retry does not repeat what was delivered or refused for good; a job re-driven
 * by hand after all its pushes ended (`npm run jobs -- retry`) tries its failed ones once more.
 */
export const crmPushJob = defineJob({
  name: 'crm.push-lead',
  payload: batchPayload,
  retry: CRM_PUSH_RETRY,
  // A batch of webhooks goes one by one (10 s timeout each); an expired attempt would run twice.
  expireInSeconds: 20 * 60,
  concurrency: 2,
  async handler({ workspaceId, pushIds }, ctx) {
    const scope = { workspaceId };
    const rows = await ctx.db.select().from(crmPushes).where(inScope(crmPushes, scope, inArray(crmPushes.id, pushIds)));
    const order = new Map(pushIds.map((id, i) => [id, i]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    let owed = rows.filter((p) => p.status === 'pending');
    if (owed.length === 0) owed = rows.filter((p) => p.status === 'failed');
    if (owed.length === 0) return;

    const leadRows = await ctx.db.select().from(leads).where(inScope(leads, scope, inArray(leads.id, owed.map((p) => p.leadId))));
    const leadById = new Map(leadRows.map((l) => [l.id, l]));
    // A push whose lead is gone (deleted) has nothing left to send.
    owed = owed.filter((p) => leadById.has(p.leadId));
    if (owed.length === 0) return;

    const now = ctx.now();
    const adapter = ctx.services.crm;
    const outcomes = new Map<string, PushOutcome>();
    const deliverable: CrmPushRow[] = [];
    for (const p of owed) {
      if (adapter?.provider === p.provider) deliverable.push(p);
      else outcomes.set(p.id, failed(new CrmError(`this lead was owed to ${p.provider}, but CRM_PROVIDER is now ${adapter?.provider ?? 'none'}`, { code: 'INVALID', retryable: false })));
    }
    if (adapter && deliverable.length > 0) {
      try {
        const answers = await adapter.pushLeads(deliverable.map((p) => ({ lead: leadById.get(p.leadId)!, eventId: p.id })), { now });
        deliverable.forEach((p, i) => outcomes.set(p.id, answers[i] ?? failed(new CrmError('no outcome for this push', { code: 'UNKNOWN', retryable: true }))));
      } catch (err) {
        const e = asCrmError(err);
        for (const p of deliverable) outcomes.set(p.id, failed(e));
      }
    }

    // The queue's last try (a re-driven job gets one more attempt, and its retry count is past the limit too).
    const lastTry = ctx.retryCount >= CRM_PUSH_RETRY.limit;
    const failures: CrmError[] = [];
    let sentCount = 0;
    await withTransaction(ctx.db, async (tx) => {
      for (const push of owed) {
        const o = outcomes.get(push.id)!;
        const log = ctx.log.child({ pushId: push.id, leadId: push.leadId, provider: push.provider });
        if (o.status === 'sent') {
          sentCount++;
          await tx
            .update(crmPushes)
            .set({ status: 'sent', attempts: sql`${crmPushes.attempts} + 1`, externalId: o.externalId, lastHttpStatus: o.httpStatus, lastError: o.note ?? null, sentAt: now, updatedAt: now })
            .where(eq(crmPushes.id, push.id));
          log.debug({ externalId: o.externalId, attempt: push.attempts + 1 }, 'lead pushed to the CRM');
          continue;
        }
        const e = o.error;
        failures.push(e);
        // Final when no retry can help, or when this was the last try.
        const final = !e.retryable || lastTry;
        const retryNote = !final && e.retryAfterSeconds !== null ? ` (asked to retry after ${e.retryAfterSeconds} s)` : '';
        await tx
          .update(crmPushes)
          .set({
            status: final ? 'failed' : 'pending',
            attempts: o.attempted ? sql`${crmPushes.attempts} + 1` : push.attempts,
            ...(o.attempted ? { lastHttpStatus: e.httpStatus } : {}),
            lastError: clip(`${e.code}: ${e.message}${retryNote}`, 1000),
            updatedAt: now,
          })
          .where(eq(crmPushes.id, push.id));
        log.warn(
          { code: e.code, httpStatus: e.httpStatus, retryable: e.retryable, final, attempted: o.attempted, attempt: push.attempts + 1, err: e.message },
          final ? 'CRM push failed for good' : 'CRM push attempt failed; will retry',
        );
      }
    });
    ctx.log.info({ pushes: owed.length, sent: sentCount, failed: failures.length }, 'CRM batch delivered');
    const err = jobErrorOf(failures, owed.length);
    if (err) throw err;
  },
});
