import { type MatchData } from './match-data.js';
import { normalizeEmail, phoneDigits } from './normalize-contact.js';
import { normalizeDateOfBirth, normalizeGender, normalizeNameCompact } from './normalize-person.js';
import { normalizeCity, normalizeCountry, normalizeState, normalizeZip } from './normalize-place.js';
import { clean, hashed, hashedAll } from './shared.js';

/**
 * The hashed person fields Meta defined and Snapchat adopted under the same keys and rules
 * (em, ph, fn, ln, ge, db, ct, st, zp, country): one function, so the two cannot drift apart.
 */
export function pixelProfile(m: MatchData) {
  const country = clean(m.country);
  return {
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
  };
}
