import { newId } from '../db/ids.js';
import type { WorkspaceScope } from '../db/scope.js';
import { conversionEvents, leads, type LeadRow } from '../db/schema/index.js';
import type { DbOrTx } from '../db/types.js';
import type { CrmProvider } from '../db/schema/crm.js';
import type { JobQueue } from '../jobs/queue.js';
import { clickIdKeys, touchFromUrl, utmKeys, type Touch } from './attribution.js';
import { advanceVisitorTouch } from './visitor-touch.js';
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
type LeadFields = Omit<LeadInput, 'website' | 'form_started_at' | 'message'>;

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

async function mergeVisitorTouch(db: DbOrTx, scope: WorkspaceScope, visitorId: string | undefined, touch: Touch, now: Date) {
  return visitorId ? advanceVisitorTouch(db, scope, visitorId, touch, now) : { first: touch, last: touch };
}

/** What recording a lead needs: the transaction, the queue its follow-up jobs join, and the CRM it is owed to. */
export interface LeadDeps {
  db: DbOrTx;
  queue: JobQueue;
  /** Where this workspace's leads are pushed; null when no CRM is configured. */
  crmProvider: CrmProvider | null;
}

/**
 * Stores a lead with everything known about how they arrived, its platform and its
 * explainable score, and the conversion events owed to the platforms it can be matched to.
 * Runs inside the caller's transaction (the signup adds the account in the same one).
 */
export async function recordLead(
  deps: LeadDeps,
  scope: WorkspaceScope,
  input: LeadFields,
  meta: RequestMeta,
  opts: { kind: 'signup' | 'lead'; userId?: string | null; conversions: boolean },
): Promise<LeadRow> {
  const { db } = deps;
  const touch = touchOf(input, meta.now);
  const { first, last } = await mergeVisitorTouch(db, scope, input.visitor_id, touch, meta.now);
  // The person converted now; credit goes to the last attributed touch that brought them.
  const credit = last;
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
  const [lead] = await db
    .insert(leads)
    .values({
      id,
      workspaceId: scope.workspaceId,
      kind: opts.kind,
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
      firstTouch: first,
      lastTouch: last,
      platform: detection.platform,
      platformVia: detection.via,
      score,
      scoreBreakdown: breakdown,
      userId: opts.userId ?? null,
      createdAt: meta.now,
    })
    .returning();

  const planned = planSignupConversions({
    email: lead!.email,
    phoneE164: lead!.phoneE164,
    ip: lead!.ip,
    userAgent: lead!.userAgent,
    landingUrl: lead!.landingUrl,
    externalId: opts.userId ?? id,
    fbclid: lead!.fbclid,
    fbc: lead!.fbc,
    fbp: lead!.fbp,
    gclid: lead!.gclid,
    gbraid: lead!.gbraid,
    wbraid: lead!.wbraid,
    ttclid: lead!.ttclid,
    ttp: lead!.ttp,
    sccid: lead!.sccid,
    scid: lead!.scid,
  });
  if (opts.conversions && planned.length > 0) {
    // The browser's pixel fired with this id; reusing it lets each platform drop the duplicate.
    const eventId = input.event_id ?? id;
    await db
      .insert(conversionEvents)
      .values(
        planned.map((p) => ({
          id: newId('conversion'),
          workspaceId: scope.workspaceId,
          leadId: id,
          platform: p.platform,
          eventName: p.eventName,
          eventId,
          eventTime: meta.now,
          matchData: p.matchData,
        })),
      )
      .onConflictDoNothing();
  }
  return lead!;
}
