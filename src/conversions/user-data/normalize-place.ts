import { usStateCodes } from './us-states.js';

/**
 * Meta's city rule: lowercase, no punctuation, no special characters, no spaces, UTF-8 for other
 * scripts ("Menlo Park" → menlopark); its SDK also removes digits. Letters of any script stay, so
 * الرياض is kept (Meta's Parameter Builder drops non-Latin cities, which the documentation does
 * not ask for). Used for Snapchat's ct and TikTok's city as well.
 */
export function normalizeCity(value: string): string | undefined {
  return value.toLowerCase().replace(/[^\p{L}\p{M}]/gu, '') || undefined;
}

function isUnitedStates(country: string | null | undefined): boolean {
  return country == null || country.trim().toLowerCase() === 'us';
}

/**
 * Meta: US states as the two-letter ANSI code in lowercase; elsewhere lowercase with no
 * punctuation, special characters or spaces. A US state written out in full is mapped to its
 * code when the person is in the US or the country is unknown.
 */
export function normalizeState(value: string, country?: string | null): string | undefined {
  const state = normalizeCity(value);
  if (state === undefined) return undefined;
  return (isUnitedStates(country) ? usStateCodes[state] : undefined) ?? state;
}

const usZip = /^(\d{5})(?:-?\d{4})?$/;

/**
 * Meta: lowercase, no spaces, no dash; US ZIP codes as their first five digits; UK postcodes in
 * full ("W1 1AA" → w11aa). Meta's SDK refuses anything shorter than two characters.
 */
export function normalizeZip(value: string, country?: string | null): string | undefined {
  const zip = value.toLowerCase().replace(/\s/g, '');
  const us = usZip.exec(zip);
  const normalized = us && isUnitedStates(country) ? us[1] : zip.replaceAll('-', '');
  return normalized !== undefined && normalized.length >= 2 ? normalized : undefined;
}

/** ISO 3166-1 alpha-2 in lowercase (Meta: US → us); anything else is not a country code. */
export function normalizeCountry(value: string): string | undefined {
  const code = value.trim().toLowerCase();
  return /^[a-z]{2}$/.test(code) ? code : undefined;
}
