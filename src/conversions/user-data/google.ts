import { type MatchData } from './match-data.js';
import { normalizeEmailForGoogle, toE164 } from './normalize-contact.js';
import { normalizeNameForGoogle } from './normalize-person.js';
import { normalizeCountry } from './normalize-place.js';
import { clean, hashed, hashedAll } from './shared.js';

/** Google Ads REST (camelCase) `OfflineUserAddressInfo`: names hashed, the rest in clear. */
export interface GoogleAddressInfo {
  hashedFirstName: string;
  hashedLastName: string;
  countryCode: string;
  postalCode: string;
  city?: string;
  state?: string;
}

interface FirstParty {
  userIdentifierSource: 'FIRST_PARTY';
}
/** `UserIdentifier` is a oneof: exactly one identifier per entry. */
export type GoogleUserIdentifier = FirstParty &
  ({ hashedEmail: string } | { hashedPhoneNumber: string } | { addressInfo: GoogleAddressInfo });

/**
 * Which upload the identifiers are for. ConversionUploadService (uploadClickConversions, i.e.
 * enhanced conversions for leads) accepts only hashed email and phone; the adjustment service
 * (enhanced conversions for web) also takes an address (UserIdentifier reference, v17–v26).
 */
export type GoogleUpload = 'clickConversion' | 'conversionAdjustment';

/** Google rejects a conversion carrying more than five user identifiers. */
export const googleMaxUserIdentifiers = 5;

function addressInfo(m: MatchData): GoogleAddressInfo | undefined {
  const hashedFirstName = hashed(m.firstName, normalizeNameForGoogle);
  const hashedLastName = hashed(m.lastName, normalizeNameForGoogle);
  const country = clean(m.country);
  const countryCode = country === undefined ? undefined : normalizeCountry(country)?.toUpperCase();
  const postalCode = clean(m.zip);
  // Google matches an address only as a whole: first name, last name, country and postal code.
  if (!hashedFirstName || !hashedLastName || !countryCode || !postalCode) return undefined;
  const city = clean(m.city);
  const state = clean(m.state);
  return {
    hashedFirstName,
    hashedLastName,
    countryCode,
    postalCode,
    ...(city !== undefined && { city }),
    ...(state !== undefined && { state }),
  };
}

/**
 * The conversion's `userIdentifiers`, at most five. When more are available, one of each kind
 * goes first (email, phone, then address) so a match can come from any of them, then further
 * emails, then further phones, each in input order, with duplicates removed after normalization.
 */
export function googleUserIdentifiers(m: MatchData, upload: GoogleUpload = 'clickConversion'): GoogleUserIdentifier[] {
  const source = 'FIRST_PARTY' as const;
  const country = clean(m.country);
  const emails = (hashedAll(m.email, normalizeEmailForGoogle) ?? []).map(
    (hashedEmail): GoogleUserIdentifier => ({ userIdentifierSource: source, hashedEmail }),
  );
  const phones = (hashedAll(m.phone, (v) => toE164(v, country)) ?? []).map(
    (hashedPhoneNumber): GoogleUserIdentifier => ({ userIdentifierSource: source, hashedPhoneNumber }),
  );
  const address = upload === 'conversionAdjustment' ? addressInfo(m) : undefined;
  const ordered = [
    emails[0],
    phones[0],
    address && { userIdentifierSource: source, addressInfo: address },
    ...emails.slice(1),
    ...phones.slice(1),
  ];
  return ordered.filter((id): id is GoogleUserIdentifier => id !== undefined).slice(0, googleMaxUserIdentifiers);
}

export type GoogleClickId = { gclid: string } | { wbraid: string } | { gbraid: string } | Record<string, never>;

/**
 * The one click id a ClickConversion may carry (never hashed). Google refuses gbraid and wbraid
 * together (GBRAID_WBRAID_BOTH_SET) and a braid beside a gclid; gclid is the most precise, and
 * wbraid (web) beats gbraid (app) because Stratum's conversions happen on the web.
 */
export function googleClickId(m: MatchData): GoogleClickId {
  const gclid = clean(m.gclid);
  if (gclid !== undefined) return { gclid };
  const wbraid = clean(m.wbraid);
  if (wbraid !== undefined) return { wbraid };
  const gbraid = clean(m.gbraid);
  return gbraid !== undefined ? { gbraid } : {};
}
