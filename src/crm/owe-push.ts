import { newId } from '../db/ids.js';
import type { WorkspaceScope } from '../db/scope.js';
import { crmPushes, type LeadRow } from '../db/schema/index.js';
import type { CrmProvider } from '../db/schema/crm.js';
import type { DbOrTx, Tx } from '../db/types.js';
import type { JobQueue } from '../jobs/queue.js';
import { crmPushJob } from './push-lead.job.js';

const isTx = (db: DbOrTx): db is Tx => 'rollback' in db;

/**
 * Records that each lead is owed to the configured CRM and enqueues its delivery, both inside the
 * lead's own transaction: a lead that is committed always has its push, and a rolled-back one
 * has neither. Does nothing when no CRM is configured.
 */
export async function owePushes(
  deps: { db: DbOrTx; queue: JobQueue; crmProvider: CrmProvider | null },
  scope: WorkspaceScope,
  leads: readonly Pick<LeadRow, 'id' | 'createdAt'>[],
): Promise<void> {
  const { db, crmProvider } = deps;
  if (!crmProvider || leads.length === 0) return;
  if (!isTx(db)) throw new Error('owePushes runs inside the transaction that stores the leads');
  // One row and one job per lead, each in a single statement however many leads the batch holds.
  const rows = await db
    .insert(crmPushes)
    .values(leads.map((lead) => ({ id: newId('crmPush'), workspaceId: scope.workspaceId, leadId: lead.id, provider: crmProvider, createdAt: lead.createdAt, updatedAt: lead.createdAt })))
    .onConflictDoNothing()
    .returning({ id: crmPushes.id });
  await deps.queue.enqueueMany(crmPushJob, rows.map((row) => ({ workspaceId: scope.workspaceId, pushId: row.id })), { tx: db });
}
