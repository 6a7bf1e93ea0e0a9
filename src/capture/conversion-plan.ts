import { buildFbc } from './cookie-formats.js';

export type AdPlatformId = 'meta' | 'google' | 'tiktok' | 'snapchat';

/** Everything a lead carries that an ad platform can match a person by. */
export interface LeadIdentity {
  email: string;
  phoneE164: string | null;
  ip: string | null;
  userAgent: string | null;
  landingUrl: string | null;
  externalId: string;
  /** ISO 3166 alpha-2 of the phone number: one more key the platforms match on. */
  phoneCountry?: string | null;
  /** When the click that brought the person happened (ms); dates an `fbc` built from a bare fbclid. */
  clickAtMs?: number | null;
  fbclid?: string | null;
  fbc?: string | null;
  fbp?: string | null;
  gclid?: string | null;
  gbraid?: string | null;
  wbraid?: string | null;
  ttclid?: string | null;
  ttp?: string | null;
  sccid?: string | null;
  scid?: string | null;
}

export interface PlannedConversion {
  platform: AdPlatformId;
  eventName: string;
  matchData: Record<string, string>;
}

/** Each platform's own name for "someone signed up". */
export const signupEventNames: Record<AdPlatformId, string> = {
  meta: 'Lead',
  google: 'sign_up',
  tiktok: 'CompleteRegistration',
  snapchat: 'SIGN_UP',
};

/** The identifiers each platform accepts, so each outbox row holds only what that platform may receive. */
const platformKeys: Record<AdPlatformId, { ids: (keyof LeadIdentity)[]; needsOneOf: (keyof LeadIdentity)[] }> = {
  meta: { ids: ['fbclid', 'fbc', 'fbp'], needsOneOf: ['fbclid', 'fbc', 'fbp'] },
  google: { ids: ['gclid', 'gbraid', 'wbraid'], needsOneOf: ['gclid', 'gbraid', 'wbraid'] },
  tiktok: { ids: ['ttclid', 'ttp'], needsOneOf: ['ttclid', 'ttp'] },
  snapchat: { ids: ['sccid', 'scid'], needsOneOf: ['sccid', 'scid'] },
};

/**
 * Which platforms a signup is reported to: those the person can be tied to by a click id or
 * the platform's own browser cookie. An email alone could match too, but reporting every
 * signup to every platform would credit ads for people they never reached.
 */
export function planSignupConversions(lead: LeadIdentity): PlannedConversion[] {
  const common: Record<string, string> = { email: lead.email, external_id: lead.externalId };
  if (lead.phoneE164) common.phone = lead.phoneE164;
  if (lead.ip) common.client_ip_address = lead.ip;
  if (lead.userAgent) common.client_user_agent = lead.userAgent;
  if (lead.landingUrl) common.event_source_url = lead.landingUrl;
  if (lead.phoneCountry) common.country = lead.phoneCountry.toLowerCase();
  // Meta takes a click id only inside `fbc`: one built from a bare fbclid (as its pixel would,
  // dated at the click) keeps the click when the browser's cookie never reached us.
  const fbc = lead.fbc ?? (lead.fbclid && lead.clickAtMs ? buildFbc(lead.fbclid, lead.clickAtMs) : null);
  const withFbc: LeadIdentity = { ...lead, fbc };

  const planned: PlannedConversion[] = [];
  for (const platform of ['meta', 'google', 'tiktok', 'snapchat'] as const) {
    const { ids, needsOneOf } = platformKeys[platform];
    if (!needsOneOf.some((k) => withFbc[k])) continue;
    const matchData = { ...common };
    for (const k of ids) {
      const v = withFbc[k];
      if (typeof v === 'string' && v) matchData[k] = v;
    }
    planned.push({ platform, eventName: signupEventNames[platform], matchData });
  }
  return planned;
}
