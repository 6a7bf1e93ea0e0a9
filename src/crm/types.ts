import type { CrmProvider } from '../db/schema/crm.js';
import type { CrmError } from './errors.js';
import type { CrmLead } from './map.js';

/** One lead to deliver, with the id of its push (the webhook's event id, stable across retries). */
export interface LeadToPush {
  lead: CrmLead;
  eventId: string;
}

/**
 * What became of one lead of a batch:
 * - `sent`: the CRM has it (`externalId`: HubSpot contact id, Zoho lead id; null for a webhook),
 *   with `note` when something is worth knowing (e.g. attribution left out);
 * - `failed`: this lead's own error, whose `retryable` says whether a later attempt can help
 *   (`attempted: false` when it was not sent at all, because an earlier one in the batch failed).
 */
export type PushOutcome =
  | { status: 'sent'; externalId: string | null; httpStatus: number; note?: string }
  | { status: 'failed'; error: CrmError; attempted: boolean };

/**
 * One CRM behind the job. `pushLeads` creates or updates each person (a repeated email updates),
 * in as few calls as the CRM allows (at most 100 leads are passed at once), and answers one
 * outcome per lead, in order. It throws a `CrmError` when the call as a whole failed (the
 * error then applies to every lead: auth, rate limit, outage, a malformed batch).
 */
export interface CrmAdapter {
  provider: CrmProvider;
  pushLeads(leads: readonly LeadToPush[], ctx: { now: Date }): Promise<PushOutcome[]>;
}

/** The most leads one job and one CRM call carry (HubSpot's and Zoho's batch limit). */
export const CRM_BATCH_MAX = 100;

export const sent = (externalId: string | null, httpStatus: number, note?: string): PushOutcome => ({ status: 'sent', externalId, httpStatus, ...(note ? { note } : {}) });
export const failed = (error: CrmError, attempted = true): PushOutcome => ({ status: 'failed', error, attempted });
