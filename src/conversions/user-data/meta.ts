import { type MatchData } from './match-data.js';
import { pixelProfile } from './pixel-profile.js';
import { clean, cleanIp, compact, hashedAll, normalizeExternalId } from './shared.js';

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
  return compact({
    ...pixelProfile(m),
    external_id: hashedAll(m.externalId, normalizeExternalId),
    client_ip_address: cleanIp(m.ip),
    client_user_agent: clean(m.userAgent),
    fbc: clean(m.fbc),
    fbp: clean(m.fbp),
    ctwa_clid: clean(m.ctwaClid),
  });
}
