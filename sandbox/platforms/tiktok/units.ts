import { minorExponent } from '../../world/money.js';
import { invalid } from './errors.js';

/**
 * TikTok shows money in the advertiser currency's major unit: budgets as JSON numbers
 * (`50.5` = 50.50) and report metrics as decimal strings (`"12.34"`). The world keeps
 * integer minor units; these are the only conversions between the two.
 */
export function majorNumber(minor: number, currency: string): number {
  return Number(majorString(minor, currency));
}

/** Exact decimal text of a minor amount, with the currency's number of decimals (integer arithmetic, no float drift). */
export function majorString(minor: number, currency: string): string {
  const exp = minorExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  if (exp === 0) return sign + String(abs);
  const unit = 10 ** exp;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(exp, '0')}`;
}

/** A budget sent by a client (major units) → minor units; more decimals than the currency has is a parameter error. */
export function toMinor(major: number, currency: string, field: string): number {
  if (!Number.isFinite(major) || major <= 0) throw invalid(`${field}: Must be greater than 0.`);
  const exp = minorExponent(currency);
  const minor = Math.round(major * 10 ** exp);
  if (Math.abs(minor - major * 10 ** exp) > 1e-6 * Math.max(1, minor)) {
    throw invalid(`${field}: At most ${exp} decimal places are allowed for ${currency}.`);
  }
  return minor;
}

/** A ratio as TikTok prints it: two decimals, "0.00" when the denominator is zero. */
export function ratio(numerator: number, denominator: number, scale = 1): string {
  if (denominator === 0) return '0.00';
  return ((numerator / denominator) * scale).toFixed(2);
}

/** ISO timestamp → TikTok's `YYYY-MM-DD HH:MM:SS` (UTC), used for create_time / modify_time. */
export function tiktokTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * TikTok's `timezone` field carries the zone with its GMT offset (`Etc/GMT-3` for UTC+3; the
 * Etc sign is inverted), `display_timezone` the IANA name. Zones with a non-whole-hour offset
 * have no Etc name, so they keep the IANA name in both.
 */
const offsetNames = new Map<string, Intl.DateTimeFormat>();

export function etcZone(timeZone: string, at: Date): string {
  let f = offsetNames.get(timeZone);
  if (!f) {
    // Building a formatter costs far more than using one; every advertiser listing asks again.
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' });
    offsetNames.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/.exec(name);
  if (!m) return timeZone;
  if (m[3] && m[3] !== '00') return timeZone;
  if (!m[1]) return 'Etc/GMT';
  return `Etc/GMT${m[1] === '+' ? '-' : '+'}${Number(m[2])}`;
}
