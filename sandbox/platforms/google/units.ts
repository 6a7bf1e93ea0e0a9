import { minorExponent } from '../../world/money.js';

/**
 * Google Ads speaks micros (1,000,000 per major unit of the account currency), as int64 JSON
 * strings; the world keeps integer minor units. Conversion values are doubles in major units.
 */
const perMinor = new Map<string, bigint>();

export function microsPerMinor(currency: string): bigint {
  let f = perMinor.get(currency);
  if (f === undefined) {
    f = 10n ** BigInt(6 - minorExponent(currency));
    perMinor.set(currency, f);
  }
  return f;
}

export function minorToMicros(minor: number, currency: string): string {
  return (BigInt(minor) * microsPerMinor(currency)).toString();
}

/** Micros → minor units, or null when the amount is not a whole number of minor units. */
export function microsToMinor(micros: bigint, currency: string): number | null {
  const per = microsPerMinor(currency);
  return micros % per === 0n ? Number(micros / per) : null;
}

export function minorToMajor(minor: number, currency: string): number {
  return minor / 10 ** minorExponent(currency);
}

/** `1234567890` → `123-456-7890`, the way Google shows customer ids to people. */
export function dashed(customerId: string): string {
  return customerId.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1-$2-$3');
}

/** Account-local calendar days as integers, so date ranges are cheap to walk. */
const DAY_MS = 86_400_000;
export const dayNumber = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
export const dayDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function isCalendarDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && dayDate(dayNumber(s)) === s;
}
