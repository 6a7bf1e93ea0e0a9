import { houseScope } from '../accounts/house.js';
import { newId } from '../db/ids.js';
import { withTransaction } from '../db/tx.js';
import type { Db } from '../db/types.js';
import { looksLikeBot } from './bot-check.js';
import type { LeadInput } from './intake.schema.js';
import { recordLead, type RequestMeta } from './record-lead.js';

/** A lead without an account (the demo form). Funnel events for it belong to the conversions work. */
export async function submitLead(db: Db, input: LeadInput, meta: RequestMeta): Promise<{ lead_id: string; platform: string; score: number }> {
  if (looksLikeBot(input, meta.now.getTime())) return { lead_id: newId('lead'), platform: 'direct', score: 0 };
  const lead = await withTransaction(db, (tx) => recordLead(tx, houseScope, input, meta, { kind: 'lead', conversions: false }));
  return { lead_id: lead.id, platform: lead.platform, score: lead.score };
}
