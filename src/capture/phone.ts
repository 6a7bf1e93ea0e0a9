import type { CountryCode } from 'libphonenumber-js';
// The full ("max") metadata checks the number against each country's numbering plan; the
// default metadata only checks the length, which accepts numbers that cannot exist.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface NormalizedPhone {
  /** E.164, e.g. +966501234567: the form the ad platforms hash for matching. */
  e164: string;
  /** ISO 3166-1 alpha-2; undefined for non-geographic numbers such as +800. */
  country: string | undefined;
}

// Arabic-Indic (U+0660–0669) and Extended Arabic-Indic / Persian (U+06F0–06F9) digits: phones
// typed on Arabic and Persian keyboards arrive in these.
const arabicIndicZero = 0x0660;
const persianZero = 0x06f0;

function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code - (code >= persianZero ? persianZero : arabicIndicZero));
  });
}

// Separators people type, plus the invisible direction marks that right-to-left text editors
// insert around numbers when a phone is copied out of Arabic text.
const separators = /[\s\-\u2010-\u2015\u2212().\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;

export function normalizePhone(raw: string, defaultCountry?: CountryCode): NormalizedPhone | null {
  if (raw.length > 64) return null;
  let s = toAsciiDigits(raw).replace(/\uFF0B/g, '+').replace(separators, '');
  // 00 is the international call prefix across the Gulf and Europe: 00966… means +966….
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  // Anything else left (letters, "ext", a second +) is not a phone number we should guess at.
  if (!/^\+?\d{4,20}$/.test(s)) return null;
  const parsed = parsePhoneNumberFromString(s, defaultCountry);
  if (parsed === undefined || !parsed.isValid()) return null;
  return { e164: parsed.number, country: parsed.country };
}
