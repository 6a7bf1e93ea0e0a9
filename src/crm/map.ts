import type { LeadRow } from '../db/schema/index.js';
import { splitFullName } from './names.js';

/** What a CRM push reads of a lead. */
export type CrmLead = Pick<
  LeadRow,
  | 'id'
  | 'kind'
  | 'email'
  | 'fullName'
  | 'companyName'
  | 'phoneE164'
  | 'phoneRaw'
  | 'language'
  | 'sourcePage'
  | 'utmSource'
  | 'utmMedium'
  | 'utmCampaign'
  | 'utmContent'
  | 'utmTerm'
  | 'fbclid'
  | 'gclid'
  | 'gbraid'
  | 'wbraid'
  | 'ttclid'
  | 'sccid'
  | 'referrerUrl'
  | 'landingUrl'
  | 'platform'
  | 'platformVia'
  | 'score'
  | 'scoreBreakdown'
  | 'createdAt'
>;

const phoneOf = (lead: CrmLead): string | null => lead.phoneE164 ?? lead.phoneRaw ?? null;

/** Keeps only the fields that have a value: CRMs treat an empty string as "clear this field". */
function present<T extends Record<string, string | null | undefined>>(fields: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== null && v !== undefined && v !== '') out[k] = v;
  return out;
}

const clickIdsOf = (lead: CrmLead) =>
  present({ fbclid: lead.fbclid, gclid: lead.gclid, gbraid: lead.gbraid, wbraid: lead.wbraid, ttclid: lead.ttclid, sccid: lead.sccid });

// ---------------------------------------------------------------------------------------------
// HubSpot: a contact, upserted by email (crm/objects/2026-03/contacts/batch/upsert).

/**
 * Custom contact properties that carry attribution. HubSpot has no writable default property
 * for UTM tags or click ids, so these must be created in the portal (docs/crm.md lists them);
 * a portal without them still gets the contact, without attribution.
 */
export const hubspotAttributionProperties = [
  'stratum_lead_id',
  'stratum_platform',
  'stratum_score',
  'stratum_utm_source',
  'stratum_utm_medium',
  'stratum_utm_campaign',
  'stratum_utm_content',
  'stratum_utm_term',
  'stratum_click_id',
  'stratum_landing_url',
] as const;

export interface HubspotUpsertInput {
  idProperty: 'email';
  id: string;
  properties: Record<string, string>;
}

export function toHubspotContact(lead: CrmLead, opts: { attribution: boolean }): HubspotUpsertInput {
  const { first, last } = splitFullName(lead.fullName);
  const core = present({ firstname: first, lastname: last, company: lead.companyName, phone: phoneOf(lead) });
  if (!opts.attribution) return { idProperty: 'email', id: lead.email, properties: core };
  const clickIds = Object.entries(clickIdsOf(lead)).map(([k, v]) => `${k}=${v}`);
  const attribution = present({
    stratum_lead_id: lead.id,
    stratum_platform: lead.platform,
    stratum_score: String(lead.score),
    stratum_utm_source: lead.utmSource,
    stratum_utm_medium: lead.utmMedium,
    stratum_utm_campaign: lead.utmCampaign,
    stratum_utm_content: lead.utmContent,
    stratum_utm_term: lead.utmTerm,
    stratum_click_id: clickIds.join('&') || null,
    stratum_landing_url: lead.landingUrl,
  });
  return { idProperty: 'email', id: lead.email, properties: { ...core, ...attribution } };
}

// ---------------------------------------------------------------------------------------------
// Zoho CRM: a record of the Leads module, upserted on its Email duplicate check (v8).

/** Zoho's standard Lead_Source pick-list values that fit a lead from our landing page. */
export function zohoLeadSource(platform: string): string {
  if (platform === 'meta') return 'Facebook';
  if (platform === 'google' || platform === 'tiktok' || platform === 'snapchat') return 'Advertisement';
  return 'Web Research';
}

export type ZohoLeadRecord = Record<string, string>;

/** Attribution as text in the standard Description field: no custom fields to create in Zoho. */
export function attributionSummary(lead: CrmLead): string {
  const lines = [`Stratum lead ${lead.id} (${lead.kind}), score ${lead.score}/100`, `Platform: ${lead.platform} (via ${lead.platformVia})`];
  const utm = present({ utm_source: lead.utmSource, utm_medium: lead.utmMedium, utm_campaign: lead.utmCampaign, utm_content: lead.utmContent, utm_term: lead.utmTerm });
  if (Object.keys(utm).length) lines.push(Object.entries(utm).map(([k, v]) => `${k}=${v}`).join(', '));
  const clicks = clickIdsOf(lead);
  if (Object.keys(clicks).length) lines.push(`Click ids: ${Object.entries(clicks).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  if (lead.landingUrl) lines.push(`Landing page: ${lead.landingUrl}`);
  if (lead.referrerUrl) lines.push(`Referrer: ${lead.referrerUrl}`);
  return lines.join('\n');
}

export function toZohoLead(lead: CrmLead): ZohoLeadRecord {
  const { first, last } = splitFullName(lead.fullName);
  // Last_Name is mandatory in Zoho's Leads module: a one-word name is the last name there,
  // and a lead with no name at all is known by its address.
  const lastName = last ?? first ?? lead.email.split('@')[0]!;
  return present({
    First_Name: last ? first : null,
    Last_Name: lastName,
    Email: lead.email,
    Company: lead.companyName,
    Phone: phoneOf(lead),
    Lead_Source: zohoLeadSource(lead.platform),
    Description: attributionSummary(lead),
  });
}

// ---------------------------------------------------------------------------------------------
// Generic webhook: Stratum's own documented, versioned event (docs/crm-webhook.md).

export const WEBHOOK_PAYLOAD_VERSION = 1;

export interface LeadCreatedEvent {
  id: string;
  type: 'lead.created';
  version: typeof WEBHOOK_PAYLOAD_VERSION;
  created_at: string;
  data: {
    lead: {
      id: string;
      kind: 'signup' | 'lead';
      email: string;
      full_name: string | null;
      first_name: string | null;
      last_name: string | null;
      company: string | null;
      phone: string | null;
      language: 'en' | 'ar';
      score: number;
      score_breakdown: { rule: string; points: number; detail: string }[];
      platform: string;
      platform_via: string;
      utm: { source: string | null; medium: string | null; campaign: string | null; content: string | null; term: string | null };
      click_ids: { fbclid: string | null; gclid: string | null; gbraid: string | null; wbraid: string | null; ttclid: string | null; sccid: string | null };
      source_page: string | null;
      landing_url: string | null;
      referrer_url: string | null;
      created_at: string;
    };
  };
}

/** `eventId` stays the same across retries, so a receiver can drop a repeat. */
export function toWebhookEvent(lead: CrmLead, eventId: string): LeadCreatedEvent {
  const { first, last } = splitFullName(lead.fullName);
  return {
    id: eventId,
    type: 'lead.created',
    version: WEBHOOK_PAYLOAD_VERSION,
    created_at: lead.createdAt.toISOString(),
    data: {
      lead: {
        id: lead.id,
        kind: lead.kind,
        email: lead.email,
        full_name: lead.fullName,
        first_name: first,
        last_name: last,
        company: lead.companyName,
        phone: phoneOf(lead),
        language: lead.language,
        score: lead.score,
        score_breakdown: lead.scoreBreakdown.map(({ rule, points, detail }) => ({ rule, points, detail })),
        platform: lead.platform,
        platform_via: lead.platformVia,
        utm: { source: lead.utmSource, medium: lead.utmMedium, campaign: lead.utmCampaign, content: lead.utmContent, term: lead.utmTerm },
        click_ids: { fbclid: lead.fbclid, gclid: lead.gclid, gbraid: lead.gbraid, wbraid: lead.wbraid, ttclid: lead.ttclid, sccid: lead.sccid },
        source_page: lead.sourcePage,
        landing_url: lead.landingUrl,
        referrer_url: lead.referrerUrl,
        created_at: lead.createdAt.toISOString(),
      },
    },
  };
}
