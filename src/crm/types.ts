import type { CrmProvider } from '../db/schema/crm.js';
import type { CrmLead } from './map.js';

export interface PushResult {
  /** The CRM's id of the record (HubSpot contact id, Zoho lead id); null for a webhook. */
  externalId: string | null;
  /** The HTTP status of the answer that settled it. */
  httpStatus: number;
  /** Delivered, with something worth knowing (e.g. attribution left out); shown beside the push. */
  note?: string;
}

/**
 * One CRM behind the job. `pushLead` creates or updates the person (a repeated email updates),
 * and throws a `CrmError` that says whether a retry can help.
 */
export interface CrmAdapter {
  provider: CrmProvider;
  pushLead(lead: CrmLead, ctx: { eventId: string; now: Date }): Promise<PushResult>;
}
