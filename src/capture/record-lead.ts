import { newId } from '../db/ids.js';
import type { WorkspaceScope } from '../db/scope.js';
import { conversionEvents, leads, type LeadRow } from '../db/schema/index.js';
import { sql } from 'drizzle-orm';
import { owedPushes } from '../crm/owe-push.js';
import { executeTogether, jsonInsert } from '../db/json-insert.js';
import type { DbOrTx } from '../db/types.js';
import type { CrmProvider } from '../db/schema/crm.js';
import type { JobQueue } from '../jobs/queue.js';
import { clickIdKeys, touchFromUrl, utmKeys, type Touch } from './attribution.js';
import { mergeVisitorTouches } from './visitor-touch.js';
import { planSignupConversions } from './conversion-plan.js';
import { browserIdsFromCookies } from './cookies.js';
import { parseFbc, parseFbp, parseOpaqueBrowserId } from './cookie-formats.js';
import type { LeadInput } from './intake.schema.js';
import { scoreLead } from './lead-score.js';
import { normalizePhone } from './phone.js';
import { detectPlatform } from './platform.js';

/** Numbers typed without a country code are read as Saudi: the first market. */
const DEFAULT_PHONE_COUNTRY = 'SA';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  cookies: Record<string, string | undefined>;
  now: Date;
}

/** Attribution fields common to the signup and the lead forms. */
export type LeadFields = Omit<LeadInput, 'website' | 'form_started_at' | 'message'>;

/** What recording a lead needs: the transaction, the queue its follow-up jobs join, and the CRM it is owed to. */
export interface LeadDeps {
  db: DbOrTx;
  queue: JobQueue;
  /** Where this workspace's leads are pushed; null when no CRM is configured. */
  crmProvider: CrmProvider | null;
}

export interface LeadToRecord {
  input: LeadFields;
  meta: RequestMeta;
  kind: 'signup' | 'lead';
  userId?: string | null;
  /** Record the conversion events owed to the ad platforms (signups). */
  conversions: boolean;
}

/** The stored lead, as written: every column is given, so there is nothing to read back. */
export type RecordedLead = LeadRow;

/**
 * The touch this form submission carries: what the landing URL says, overlaid with what the
 * browser kept (it may have carried the click ids across several pages in localStorage).
 */
function touchOf(input: LeadFields, now: Date): Touch {
  const fromUrl = input.landing_url
    ? touchFromUrl(input.landing_url, input.referrer_url ?? null, now)
    : { utm: {}, clickIds: {}, referrer: input.referrer_url ?? null, landingUrl: null, at: now.toISOString() };
  const touch: Touch = { ...fromUrl, utm: { ...fromUrl.utm }, clickIds: { ...fromUrl.clickIds } };
  for (const k of utmKeys) {
    const v = input[`utm_${k}`];
    if (v) touch.utm[k] = v;
  }
  for (const k of clickIdKeys) {
    const v = input[k];
    if (v) touch.clickIds[k] = v;
  }
  return touch;
}


/** One lead's row and the conversion events it owes: pure, from the form, the request and the merged touches. */
function buildLead(scope: WorkspaceScope, item: LeadToRecord, touches: { first: Touch; last: Touch }) {
  const { input, meta } = item;
  // The person converted now; credit goes to the last attributed touch that brought them.
  const credit = touches.last;
  const detection = detectPlatform(credit);
  const phone = input.phone ? normalizePhone(input.phone, DEFAULT_PHONE_COUNTRY) : null;
  const { score, breakdown } = scoreLead({
    email: input.email,
    companyName: input.company_name || null,
    phoneE164: phone?.e164 ?? null,
    phoneCountry: phone?.country ?? null,
    clickIds: credit.clickIds,
    utm: credit.utm,
    language: input.language,
  });
  const cookies = browserIdsFromCookies(meta.cookies);
  const id = newId('lead');
  const lead: LeadRow = {
    id,
    workspaceId: scope.workspaceId,
    kind: item.kind,
    email: input.email.trim(),
    fullName: input.full_name || null,
    companyName: input.company_name || null,
    phoneE164: phone?.e164 ?? null,
    phoneCountry: phone?.country ?? null,
    phoneRaw: input.phone && !phone ? input.phone : null,
    language: input.language,
    sourcePage: input.source_page,
    utmSource: credit.utm.source ?? null,
    utmMedium: credit.utm.medium ?? null,
    utmCampaign: credit.utm.campaign ?? null,
    utmContent: credit.utm.content ?? null,
    utmTerm: credit.utm.term ?? null,
    fbclid: credit.clickIds.fbclid ?? null,
    gclid: credit.clickIds.gclid ?? null,
    gbraid: credit.clickIds.gbraid ?? null,
    wbraid: credit.clickIds.wbraid ?? null,
    ttclid: credit.clickIds.ttclid ?? null,
    sccid: credit.clickIds.sccid ?? null,
    // What the page sent is kept only when it has the platform's format; else the cookie.
    fbc: input.fbc && parseFbc(input.fbc) ? input.fbc : cookies.fbc,
    fbp: input.fbp && parseFbp(input.fbp) ? input.fbp : cookies.fbp,
    ttp: parseOpaqueBrowserId(input.ttp) ?? cookies.ttp,
    scid: parseOpaqueBrowserId(input.scid) ?? cookies.scid,
    referrerUrl: input.referrer_url ?? null,
    landingUrl: input.landing_url ?? null,
    userAgent: (input.user_agent ?? meta.userAgent)?.slice(0, 1000) ?? null,
    ip: meta.ip,
    visitorId: input.visitor_id ?? null,
    firstTouch: touches.first,
    lastTouch: touches.last,
    platform: detection.platform,
    platformVia: detection.via,
    score,
    scoreBreakdown: breakdown,
    userId: item.userId ?? null,
    createdAt: meta.now,
  };

  const planned = item.conversions
    ? planSignupConversions({ ...lead, externalId: item.userId ?? id, clickAtMs: Date.parse(credit.at) || meta.now.getTime() })
    : [];
  // The browser's pixel fired with this id; reusing it lets each platform drop the duplicate.
  const eventId = input.event_id ?? id;
  const conversions = planned.map((p) => ({
    id: newId('conversion'),
    workspaceId: scope.workspaceId,
    leadId: id,
    platform: p.platform,
    eventName: p.eventName,
    eventId,
    eventTime: meta.now,
    matchData: p.matchData,
  }));
  return { lead, conversions };
}

/**
 * Stores leads with everything known about how they arrived, their platform and explainable
 * score, the conversion events owed to the platforms each can be matched to, and the CRM
 * push each is owed: a few multi-row statements for the whole batch. Runs inside the
 * caller's transaction (a signup adds the account in the same one; intake batches many leads).
 */
export async function recordLeads(deps: LeadDeps, scope: WorkspaceScope, items: readonly LeadToRecord[]): Promise<RecordedLead[]> {
  if (items.length === 0) return [];
  const { db } = deps;
  const touches = await mergeVisitorTouches(
    db,
    scope,
    items.map((i) => ({ visitorId: i.input.visitor_id, touch: touchOf(i.input, i.meta.now), now: i.meta.now })),
  );
  const built = items.map((item, n) => buildLead(scope, item, touches.merged[n]!));
  const recorded = built.map((b) => b.lead);
  const pushes = owedPushes(deps, scope, recorded);
  // Visitors, leads, conversion events and CRM pushes in one statement: each statement is a
  // round trip, and under load the batch's round trips are what a lead waits for.
  await executeTogether(db, [
    touches.upsert,
    jsonInsert(leads, recorded),
    jsonInsert(conversionEvents, built.flatMap((b) => b.conversions), sql` on conflict do nothing`),
    pushes.rows,
  ]);
  await pushes.enqueue(db);
  return recorded;
}

export async function recordLead(
  deps: LeadDeps,
  scope: WorkspaceScope,
  input: LeadFields,
  meta: RequestMeta,
  opts: { kind: 'signup' | 'lead'; userId?: string | null; conversions: boolean },
): Promise<RecordedLead> {
  const [lead] = await recordLeads(deps, scope, [{ input, meta, ...opts }]);
  return lead!;
}
