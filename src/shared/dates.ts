import { z } from 'zod';

/**
 * Calendar dates as the platforms and Stratum exchange them: `YYYY-MM-DD` strings with no time
 * or zone, compared as text. Arithmetic runs on UTC midnights, where every day is 24 hours long,
 * so a daylight-saving change never shifts a date.
 */

/** Inclusive range of dates, YYYY-MM-DD (account-local where it describes platform numbers). */
export interface DateRange {
  since: string;
  until: string;
}

/** A real calendar date: month 1–12, the month's own days, 29 February only in leap years. */
export const isoDateSchema = z.iso.date();

export const dateRangeSchema = z
  .object({ since: isoDateSchema, until: isoDateSchema })
  .refine((r) => r.since <= r.until, { message: 'since must not be after until' });

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar date at `now` in `timeZone`: platforms report days in the account's zone, not ours. */
export function localDate(now: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The range cut into consecutive slices of at most `days` days, oldest first, the last one
 * short. Platforms cap the days one report request may span; a sync checkpoints after each
 * slice. A range whose since is after its until has no slices.
 */
export function slices(range: DateRange, days: number): DateRange[] {
  // Zero or a fraction would never move past the first day.
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`a slice is a whole number of days ≥ 1, got ${days}`);
  const out: DateRange[] = [];
  for (let since = range.since; since <= range.until; since = addDays(since, days)) {
    const end = addDays(since, days - 1);
    out.push({ since, until: end < range.until ? end : range.until });
  }
  return out;
}
