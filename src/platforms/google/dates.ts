import { z } from 'zod';
import type { DateRange } from '../types.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

export const dateRangeSchema = z
  .object({ since: isoDate, until: isoDate })
  .refine((r) => r.since <= r.until, 'since is after until');

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Splits an inclusive range into consecutive inclusive slices of at most `days` days. */
export function* sliceRange(range: DateRange, days: number): Generator<DateRange> {
  let since = range.since;
  while (since <= range.until) {
    const end = addDays(since, days - 1);
    const until = end < range.until ? end : range.until;
    yield { since, until };
    since = addDays(until, 1);
  }
}
