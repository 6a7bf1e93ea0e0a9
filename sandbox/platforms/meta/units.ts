import { minorExponent } from '../../world/index.js';

/**
 * Meta's units. The world holds integer minor units of ISO 4217; Meta's budgets are integers
 * in the currency's "offset" unit (100 for most currencies, 1 for the ones listed in Meta's
 * currency table), and insights money is a decimal string in major units.
 */

/** Currencies Meta counts in whole units (offset 1), from its currencies reference. */
const OFFSET_ONE = new Set(['CLP', 'COP', 'CRC', 'HUF', 'ISK', 'IDR', 'JPY', 'KRW', 'PYG', 'TWD', 'VND']);

/** The world's ISO 4217 exponent, so conversions agree with the amounts it generated. */
export const currencyExponent = (currency: string): number => minorExponent(currency);

export const metaOffset = (currency: string): number => (OFFSET_ONE.has(currency) ? 1 : 100);

/** World minor units → Meta budget string (integer in Meta's offset unit). */
export function toMetaBudget(minor: number, currency: string): string {
  const scale = metaOffset(currency) / 10 ** currencyExponent(currency);
  return String(Math.round(minor * scale));
}

/** Meta budget integer → world minor units. */
export function fromMetaBudget(value: number, currency: string): number {
  return Math.round((value * 10 ** currencyExponent(currency)) / metaOffset(currency));
}

/** World minor units → Meta's major-unit decimal string ("123.45"; "1234" for JPY), exact. */
export function majorString(minor: number, currency: string): string {
  const e = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  if (e === 0) return sign + String(abs);
  const unit = 10 ** e;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(e, '0')}`;
}

/** A ratio as Graph prints it: up to six decimals, no trailing zeros. */
export function ratioString(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function zoneParts(date: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of zoneFormatter(timeZone).formatToParts(date)) out[p.type] = p.value;
  return out;
}

function offsetOf(parts: Record<string, string>): number {
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.timeZoneName ?? 'GMT');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Offset of a zone at an instant, in minutes east of UTC. */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  return offsetOf(zoneParts(date, timeZone));
}

/**
 * A zone's offset over one UTC day, when it holds all day (no DST switch) in whole minutes, or
 * null. Most timestamps then need one cached lookup instead of an Intl formatting.
 */
const MAX_DAYS = 50_000;
const steadyDays = new Map<string, number | null>();

function steadyOffset(ms: number, timeZone: string): number | null {
  if (Math.abs(ms) > 8e15) return null;
  const day = Math.floor(ms / 86_400_000);
  const key = `${timeZone} ${day}`;
  let off = steadyDays.get(key);
  if (off === undefined) {
    const start = zoneParts(new Date(day * 86_400_000), timeZone).timeZoneName ?? 'GMT';
    const end = zoneParts(new Date((day + 1) * 86_400_000 - 1), timeZone).timeZoneName ?? 'GMT';
    // Offsets with seconds (historic local mean time) print differently; those take the exact path.
    off = start === end && /^GMT(?:[+-]\d{2}:\d{2})?$/.test(start) ? offsetOf({ timeZoneName: start }) : null;
    if (steadyDays.size >= MAX_DAYS) steadyDays.clear();
    steadyDays.set(key, off);
  }
  return off;
}

const offsetText = (off: number): string => {
  const abs = Math.abs(off);
  return `${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

/** Graph's timestamp: ISO 8601 in the account's zone with a colon-less offset, `2024-07-29T17:54:47-0700`. */
export function metaTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  const ms = d.getTime();
  if (Number.isNaN(ms)) return iso;
  const steady = steadyOffset(ms, timeZone);
  if (steady !== null) {
    // The wall clock is the instant moved by the offset; only four-digit years print the same way.
    const local = new Date(ms + steady * 60_000).toISOString();
    if (/^[1-9]\d{3}-/.test(local)) return `${local.slice(0, 19)}${offsetText(steady)}`;
  }
  const p = zoneParts(d, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offsetText(offsetOf(p))}`;
}

/** Calendar arithmetic on YYYY-MM-DD strings (no zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

export const isDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
