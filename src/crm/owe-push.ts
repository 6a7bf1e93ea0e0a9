import { newId } from '../db/ids.js';
import type { WorkspaceScope } from '../db/scope.js';
import { crmPushes, type LeadRow } from '../db/schema/index.js';
import type { CrmProvider } from '../db/schema/crm.js';
import type { DbOrTx, Tx } from '../db/types.js';
import type { JobQueue } from '../jobs/queue.js';
import { crmPushJob } from './push-lead.job.js';
import { CRM_BATCH_MAX } from './types.js';

const isTx = (db: DbOrTx): db is Tx => 'rollback' in db;

/** `ids` in chunks of at most `size`, in order. */
export function chunk<T>(ids: readonly T[], size = CRM_BATCH_MAX): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/**
 * Records that each lead is owed to the configured CRM and enqueues its delivery, both inside the
 * leads' own transaction: a lead that is committed always has its push, and a rolled-back one
 * has neither. One `crm_pushes` row per lead, but one job per 100 of them (a CRM's batch), so a
 * burst of leads makes a few jobs and a few CRM calls. Does nothing when no CRM is configured.
 */
export async function owePushes(
  deps: { db: DbOrTx; queue: JobQueue; crmProvider: CrmProvider | null },
  scope: WorkspaceScope,
  leads: readonly Pick<LeadRow, 'id' | 'createdAt'>[],
): Promise<void> {
  const { db, crmProvider } = deps;
  if (!crmProvider || leads.length === 0) return;
  if (!isTx(db)) throw new Error('owePushes runs inside the transaction that stores the leads');
  // The rows in one statement and the jobs in another, however many leads the batch holds.
  const rows = await db
    .insert(crmPushes)
    .values(leads.map((lead) => ({ id: newId('crmPush'), workspaceId: scope.workspaceId, leadId: lead.id, provider: crmProvider, createdAt: lead.createdAt, updatedAt: lead.createdAt })))
    .onConflictDoNothing()
    .returning({ id: crmPushes.id });
  if (rows.length === 0) return;
  await deps.queue.enqueueMany(crmPushJob, chunk(rows.map((row) => row.id)).map((pushIds) => ({ workspaceId: scope.workspaceId, pushIds })), { tx: db });
}
