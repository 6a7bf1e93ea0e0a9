// The same exponent rule as the server (the runtime's ICU data), so minor units read back
// exactly as the adapters wrote them.
import { currencyExponent } from '../../../../src/shared/money.js';

/** Shown where there is no amount or time (an em dash reads as "none" in both languages). */
export const NOTHING = '—';

// Latin digits in both languages, like every other number in the app (lib/format.ts).
const locale = (language: string) => `${language}-u-nu-latn`;

/**
 * Minor units of the account's own currency as money in the page language ("$15,000",
 * "SAR 8,250.50"): whole units from a thousand up, where cents are noise. Null is "—".
 */
export function formatSpend(minor: number | null, currency: string, language: string): string {
  if (minor === null || !Number.isFinite(minor)) return NOTHING;
  try {
    const major = minor / 10 ** currencyExponent(currency);
    const whole = Math.abs(major) >= 1000 ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {};
    return new Intl.NumberFormat(locale(language), { style: 'currency', currency, ...whole }).format(major);
  } catch {
    // A code the runtime does not know still shows its amount, in the unit we were given.
    return `${currency} ${new Intl.NumberFormat(locale(language)).format(minor)}`;
  }
}

/** "12 Nov 2026, 14:05" in the page language and the browser's zone; "—" when unknown. */
export function formatDateTime(iso: string | null, language: string, timeZone?: string): string {
  if (!iso) return NOTHING;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return NOTHING;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(at);
}

/** "14:05" for a time later today (a rate-limit wait), else the full date and time. */
export function formatWaitUntil(iso: string, language: string, now: Date, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return NOTHING;
  const zone = timeZone ? { timeZone } : {};
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', ...zone }).format(d);
  if (day(at) !== day(now)) return formatDateTime(iso, language, timeZone);
  return new Intl.DateTimeFormat(locale(language), { timeStyle: 'short', ...zone }).format(at);
}

/** "45%", Latin digits in both languages. */
export function formatPercentValue(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 0 }).format(Math.max(0, Math.min(100, value)) / 100);
}
