import { type MatchData } from './match-data.js';
import { normalizeEmail, toE164 } from './normalize-contact.js';
import { normalizeNameCompact } from './normalize-person.js';
import { normalizeCity, normalizeCountry, normalizeState, normalizeZip } from './normalize-place.js';
import { clean, cleanIp, compact, hashed, hashedAll, normalizeExternalId } from './shared.js';

/**
 * Events API 2.0 `data[].user` (business-api.tiktok.com/portal/docs?id=1771101303285761). TikTok's
 * pages were not readable here; field names and rules follow the integrations TikTok lists as
 * partners (Segment's TikTok Conversions destination, RudderStack's tiktok_ads), which agree:
 * email, phone and external_id hashed and sent as lists, phone hashed in E.164 with its `+`,
 * first/last name and zip hashed, city/state/country sent in clear, lower-cased.
 */
export interface TiktokUser {
  email?: string[];
  phone?: string[];
  external_id?: string[];
  first_name?: string;
  last_name?: string;
  zip_code?: string;
  /** In clear. */
  city?: string;
  state?: string;
  country?: string;
  /** Never hashed. */
  ttclid?: string;
  ttp?: string;
  ip?: string;
  user_agent?: string;
}

export function tiktokUser(m: MatchData): TiktokUser {
  const country = clean(m.country);
  const inClear = (value: string | null | undefined, normalize: (v: string) => string | undefined) => {
    const text = clean(value);
    return text === undefined ? undefined : normalize(text);
  };
  return compact({
    email: hashedAll(m.email, normalizeEmail),
    phone: hashedAll(m.phone, (v) => toE164(v, country)),
    external_id: hashedAll(m.externalId, normalizeExternalId),
    first_name: hashed(m.firstName, normalizeNameCompact),
    last_name: hashed(m.lastName, normalizeNameCompact),
    zip_code: hashed(m.zip, (v) => normalizeZip(v, country)),
    city: inClear(m.city, normalizeCity),
    state: inClear(m.state, (v) => normalizeState(v, country)),
    country: inClear(m.country, normalizeCountry),
    ttclid: clean(m.ttclid),
    ttp: clean(m.ttp),
    ip: cleanIp(m.ip),
    user_agent: clean(m.userAgent),
  });
}
