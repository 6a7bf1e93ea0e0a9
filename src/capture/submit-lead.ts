import { houseScope } from '../accounts/house.js';
import { newId } from '../db/ids.js';
import { withTransaction } from '../db/tx.js';
import type { Db, DbOrTx } from '../db/types.js';
import type { JobQueue } from '../jobs/queue.js';
import type { CrmProvider } from '../db/schema/crm.js';
import { looksLikeBot } from './bot-check.js';
import type { LeadInput } from './intake.schema.js';
import { recordLead, type RequestMeta } from './record-lead.js';

/** A lead without an account (the demo form). Funnel events for it belong to the conversions work. */
export async function submitLead(deps: { db: Db; queue: JobQueue; crmProvider: CrmProvider | null }, input: LeadInput, meta: RequestMeta): Promise<{ lead_id: string; platform: string; score: number }> {
  if (looksLikeBot(input, meta.now.getTime())) return { lead_id: newId('lead'), platform: 'direct', score: 0 };
  const { db } = deps;
  const record = (d: DbOrTx) => recordLead({ ...deps, db: d }, houseScope, input, meta, { kind: 'lead', conversions: false });
  // Without a visitor to update, recording is one INSERT: atomic on its own, and the
  // BEGIN/COMMIT round trips cost a third of intake throughput (docs/benchmarks.md).
  const lead = input.visitor_id ? await withTransaction(db, record) : await record(db);
  return { lead_id: lead.id, platform: lead.platform, score: lead.score };
}
