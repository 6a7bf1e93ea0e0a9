import { createHash } from 'node:crypto';
import { minorExponent } from '../../world/money.js';

/**
 * Conversions between the world's units (integer minor units, account-local YYYY-MM-DD dates)
 * and Snapchat's (micro-currency integers, UUIDs, ISO timestamps with the account's offset).
 */

/** The world's minor-unit exponent (USD 2, JPY 0, KWD 3): its amounts are in these units. */
export const currencyExponent = (currency: string): number => minorExponent(currency);

/** Micro units per minor unit: 10,000 for USD (1 cent = 10,000 micro), 1,000,000 for JPY. */
export const microPerMinor = (currency: string): number => 10 ** (6 - currencyExponent(currency));

export const toMicro = (minor: number, currency: string): number => minor * microPerMinor(currency);

/** The exact minor amount of a micro amount, or null when it is not a whole minor unit. */
export function microToMinor(micro: number, currency: string): number | null {
  const per = microPerMinor(currency);
  return Number.isSafeInteger(micro) && micro % per === 0 ? micro / per : null;
}

/** A stable UUID (version-5 layout) derived from a name, for ids the world does not hold (orgs, pixels, creatives). */
export function uuidFrom(name: string): string {
  const h = createHash('sha1').update('snapchat-sandbox:' + name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Snap prints instants in UTC with milliseconds, e.g. `2024-01-15T10:00:00.000Z`. */
export const isoUtc = (value: string | Date): string => new Date(value).toISOString();

// --- time zones -------------------------------------------------------------------------

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at an instant, as `-08:00` / `+05:30` / `+00:00`. */
export function offsetAt(timeZone: string, instantMs: number): string {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, f);
  }
  const name = f.formatToParts(instantMs).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

const offsetMinutes = (offset: string): number => {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  return sign * ((h ?? 0) * 60 + (m ?? 0));
};

/** The account-local calendar date and wall time of an instant. */
export function localParts(timeZone: string, instantMs: number): { date: string; time: string } {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instantMs).map((x) => [x.type, x.value]));
  const ms = String(((instantMs % 1000) + 1000) % 1000).padStart(3, '0');
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}.${ms}` };
}

/** The instant of local midnight starting `date` in the zone (DST-safe: refined twice). */
export function localMidnightMs(date: string, timeZone: string): number {
  const naive = Date.parse(`${date}T00:00:00.000Z`);
  let guess = naive - offsetMinutes(offsetAt(timeZone, naive)) * 60_000;
  guess = naive - offsetMinutes(offsetAt(timeZone, guess)) * 60_000;
  return guess;
}

/** Local midnight of `date` printed with the zone's offset, as Snap's stats show it. */
export function localMidnightIso(date: string, timeZone: string): string {
  const ms = localMidnightMs(date, timeZone);
  return `${date}T00:00:00.000${offsetAt(timeZone, ms)}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 instant that carries a zone (`Z` or an offset); null otherwise. */
export function parseZonedIso(value: string): number | null {
  if (!ISO_WITH_ZONE.test(value)) return null;
  // Date.parse wants `+hh:mm`; Snap's own stats print `-0800` as well.
  const normal = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normal);
  return Number.isNaN(ms) ? null : ms;
}
