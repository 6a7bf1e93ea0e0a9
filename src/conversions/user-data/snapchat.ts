import { type MatchData } from './match-data.js';
import { pixelProfile } from './pixel-profile.js';
import { clean, cleanIp, compact, hashed, normalizeExternalId } from './shared.js';

/**
 * Conversions API v3 `user_data` (developers.snap.com/api/marketing-api/Conversions-API/Parameters).
 * em and ph are documented as "string or list of strings" and sent as lists. Snap documents the
 * em, ph, fn and ln rules with examples; for ge, db, ct, st, zp and country it asks for hashing
 * with Meta's key names, so Meta's normalization is used for them (RudderStack's v3 integration
 * hashes them after trim + lowercase, which agrees on ordinary values).
 */
export interface SnapchatUserData {
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
  external_id?: string;
  /** Never hashed. */
  client_ip_address?: string;
  client_user_agent?: string;
  /** The ScCid URL parameter, as received. */
  sc_click_id?: string;
  /** The `_scid` cookie, as received. */
  sc_cookie1?: string;
}

export function snapchatUserData(m: MatchData): SnapchatUserData {
  return compact({
    ...pixelProfile(m),
    external_id: hashed(m.externalId, normalizeExternalId),
    client_ip_address: cleanIp(m.ip),
    client_user_agent: clean(m.userAgent),
    sc_click_id: clean(m.scClickId),
    sc_cookie1: clean(m.scCookie1),
  });
}
