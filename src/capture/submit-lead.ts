import { houseScope } from '../accounts/house.js';
import { newId } from '../db/ids.js';
import { groupCommit } from '../db/group-commit.js';
import { withTransaction } from '../db/tx.js';
import type { Db } from '../db/types.js';
import type { JobQueue } from '../jobs/queue.js';
import type { CrmProvider } from '../db/schema/crm.js';
import { looksLikeBot } from './bot-check.js';
import type { LeadInput } from './intake.schema.js';
import { recordLeads, type LeadToRecord, type RecordedLead, type RequestMeta } from './record-lead.js';

export interface LeadIntakeDeps {
  db: Db;
  queue: JobQueue;
  crmProvider: CrmProvider | null;
  /** Batches committing at once: 1 on PGlite (one connection), more on a PostgreSQL pool. */
  maxInFlight: number;
}

export type SubmitLead = (input: LeadInput, meta: RequestMeta) => Promise<{ lead_id: string; platform: string; score: number }>;

/**
 * Leads without an account (the demo form), written by group commit: requests arriving
 * while a batch commits share the next transaction (lead rows, visitor touches, CRM pushes
 * and their jobs, a few statements for the lot), and each is answered only after its own
 * batch has committed, so an acknowledged lead is always stored. If a batch fails, its
 * leads are retried one by one, so one bad lead cannot take others down with it.
 */
export function createLeadIntake(deps: LeadIntakeDeps): SubmitLead {
  const record = (items: readonly LeadToRecord[]) => withTransaction(deps.db, (tx) => recordLeads({ ...deps, db: tx }, houseScope, items));
  const write = async (items: readonly LeadToRecord[]): Promise<(RecordedLead | Error)[]> => {
    try {
      return await record(items);
    } catch (err) {
      if (items.length === 1) throw err;
      return Promise.all(items.map((item) => record([item]).then(([lead]) => lead!, (e: unknown) => (e instanceof Error ? e : new Error(String(e))))));
    }
  };
  const submit = groupCommit(write, { maxBatch: 64, maxInFlight: deps.maxInFlight });

  return async (input, meta) => {
    if (looksLikeBot(input, meta.now.getTime())) return { lead_id: newId('lead'), platform: 'direct', score: 0 };
    const lead = await submit({ input, meta, kind: 'lead', conversions: false });
    return { lead_id: lead.id, platform: lead.platform, score: lead.score };
  };
}
