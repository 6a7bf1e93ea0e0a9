import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { normalizePhone } from '../../capture/phone.js';

// Deliberately loose: the platforms match on the exact string, so the only job here is to refuse
// values that cannot be an address at all (no @, no dot in the domain, spaces).
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** Trim and lower-case: the rule Meta, TikTok and Snapchat document, identical for all three. */
export function normalizeEmail(value: string): string | undefined {
  const email = value.trim().toLowerCase();
  return emailShape.test(email) ? email : undefined;
}

const googleMailDomains = new Set(['gmail.com', 'googlemail.com']);

/**
 * Google only: for gmail.com and googlemail.com, dots in the local part and anything from a `+`
 * on are removed, because Gmail delivers all those spellings to one mailbox and Google hashes
 * the account's canonical form. Other domains keep dots and `+` tags (Google's Customer Match
 * guide, and the maintainers' answer in googleads/google-ads-java#898, August 2026; an older
 * upload-offline page applied the rule to every domain, which the maintainers called wrong).
 */
export function normalizeEmailForGoogle(value: string): string | undefined {
  const email = normalizeEmail(value);
  if (email === undefined) return undefined;
  const at = email.lastIndexOf('@');
  const domain = email.slice(at + 1);
  if (!googleMailDomains.has(domain)) return email;
  const local = (email.slice(0, at).split('+')[0] ?? '').replaceAll('.', '');
  return local === '' ? undefined : `${local}@${domain}`;
}

const e164 = /^\+[1-9]\d{6,14}$/;

/**
 * The phone in E.164 (+966501234567). Stored phones are already E.164 and pass unchanged; any
 * other spelling (national format, 00 prefix, Arabic-Indic digits, "(0)") goes through the same
 * parser the signup form uses, with the person's country as the default region. A number that
 * cannot be placed in a country is dropped: every platform needs the country code to match.
 */
export function toE164(value: string, country?: string | null): string | undefined {
  if (e164.test(value)) return value;
  const region = country?.trim().toUpperCase();
  const defaultCountry = region && isSupportedCountry(region) ? (region as CountryCode) : undefined;
  return normalizePhone(value, defaultCountry)?.e164;
}

/**
 * Digits with the country code, no `+`, no 00 and no national trunk 0: Meta's "remove symbols,
 * letters and any leading zeros" and Snapchat's rule (example +44 844 412 4653 → 448444124653).
 * E.164 already drops the trunk 0, so this is E.164 without its `+`. (Italian numbers keep their
 * leading 0 after +39 because it belongs to the number, not to a trunk prefix.)
 */
export function phoneDigits(value: string, country?: string | null): string | undefined {
  return toE164(value, country)?.slice(1);
}
