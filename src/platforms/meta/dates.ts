import { z } from 'zod';
import { PlatformError } from '../errors.js';
import type { DateRange } from '../types.js';

const day = z.iso.date();
export const dateRangeSchema = z
  .object({ since: day, until: day })
  .refine((r) => r.since <= r.until, { message: 'since must not be after until' });

const addDays = (d: string, n: number): string => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};

/** An inclusive range cut into consecutive inclusive pieces of at most `maxDays` days. */
export function dateSlices(range: DateRange, maxDays: number): DateRange[] {
  const parsed = dateRangeSchema.safeParse(range);
  if (!parsed.success) throw new PlatformError('meta', 'INVALID', `date range: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const out: DateRange[] = [];
  for (let since = parsed.data.since; since <= parsed.data.until; since = addDays(since, maxDays)) {
    const end = addDays(since, maxDays - 1);
    out.push({ since, until: end < parsed.data.until ? end : parsed.data.until });
  }
  return out;
}
