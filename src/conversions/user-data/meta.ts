import { type MatchData } from './match-data.js';
import { normalizeEmail, phoneDigits } from './normalize-contact.js';
import { normalizeDateOfBirth, normalizeGender, normalizeNameCompact } from './normalize-person.js';
import { normalizeCity, normalizeCountry, normalizeState, normalizeZip } from './normalize-place.js';
import { clean, cleanIp, compact, hashed, hashedAll, normalizeExternalId } from './shared.js';

/**
 * Conversions API `user_data` (developers.facebook.com/docs/marketing-api/conversions-api/
 * parameters/customer-information-parameters). Every key accepts a string or a list; em, ph and
 * external_id are sent as lists, as Meta's SDK does, so several values can travel together.
 */
export interface MetaUserData {
  em?: string[];
  ph?: string[];
  fn?: string;
  ln?: string;
  ge?: string;
  db?: string;
  ct?: string;
  st?: string;
  zp?: string;
  country?: string;
  /** "Hashing recommended" rather than required: hashed, since it is our user id. */
  external_id?: string[];
  /** Never hashed: Meta reads these as they are. */
  client_ip_address?: string;
  client_user_agent?: string;
  fbc?: string;
  fbp?: string;
  ctwa_clid?: string;
}

export function metaUserData(m: MatchData): MetaUserData {
  const country = clean(m.country);
  return compact({
    em: hashedAll(m.email, normalizeEmail),
    ph: hashedAll(m.phone, (v) => phoneDigits(v, country)),
    fn: hashed(m.firstName, normalizeNameCompact),
    ln: hashed(m.lastName, normalizeNameCompact),
    ge: hashed(m.gender, normalizeGender),
    db: hashed(m.dateOfBirth, normalizeDateOfBirth),
    ct: hashed(m.city, normalizeCity),
    st: hashed(m.state, (v) => normalizeState(v, country)),
    zp: hashed(m.zip, (v) => normalizeZip(v, country)),
    country: hashed(m.country, normalizeCountry),
    external_id: hashedAll(m.externalId, normalizeExternalId),
    client_ip_address: cleanIp(m.ip),
    client_user_agent: clean(m.userAgent),
    fbc: clean(m.fbc),
    fbp: clean(m.fbp),
    ctwa_clid: clean(m.ctwaClid),
  });
}
