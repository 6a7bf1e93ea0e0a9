import { sql, type SQL } from 'drizzle-orm';
import { newId } from '../db/ids.js';
import { jsonInsert } from '../db/json-insert.js';
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
 * Each lead owed to the configured CRM: the `crm_pushes` rows to write in the leads' own
 * statement, and the jobs that deliver them, enqueued in the same transaction, so a lead that
 * is committed always has its push and a rolled-back one has neither. One row per lead, but
 * one job per 100 of them (a CRM's batch), so a burst of leads makes a few jobs and a few CRM
 * calls. Nothing when no CRM is configured.
 */
export function owedPushes(
  deps: { queue: JobQueue; crmProvider: CrmProvider | null },
  scope: WorkspaceScope,
  leads: readonly Pick<LeadRow, 'id' | 'createdAt'>[],
): { rows: SQL | null; enqueue(tx: DbOrTx): Promise<void> } {
  const { crmProvider } = deps;
  if (!crmProvider || leads.length === 0) return { rows: null, enqueue: async () => undefined };
  const rows = leads.map((lead) => ({ id: newId('crmPush'), workspaceId: scope.workspaceId, leadId: lead.id, provider: crmProvider, createdAt: lead.createdAt, updatedAt: lead.createdAt }));
  return {
    // A new lead has no push yet; the clause only keeps a retried batch from failing.
    rows: jsonInsert(crmPushes, rows, sql` on conflict do nothing`),
    async enqueue(db) {
      if (!isTx(db)) throw new Error('CRM push jobs are enqueued inside the transaction that stores the leads');
      await deps.queue.enqueueMany(crmPushJob, chunk(rows.map((row) => row.id)).map((pushIds) => ({ workspaceId: scope.workspaceId, pushIds })), { tx: db });
    },
  };
}
