import type { DateRange } from '../../platforms/types.js';

/** The calendar date (YYYY-MM-DD) at `now` in `timeZone`: platforms report days in the account's zone. */
export function localDate(now: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/**
 * Which days a sync reads. The first sync reads `initialDays` up to today. Later ones resume
 * after the last day fully read, but always re-read the trailing `lookbackDays`, because
 * platforms restate recent numbers (late conversions, invalid-click refunds).
 */
export function metricsWindow(p: { today: string; syncedThrough: string | null; initialDays: number; lookbackDays: number }): DateRange {
  const initialStart = addDays(p.today, -(p.initialDays - 1));
  if (!p.syncedThrough) return { since: initialStart, until: p.today };
  const resume = addDays(p.syncedThrough, 1);
  const since = minDate(resume, addDays(p.today, -(p.lookbackDays - 1)));
  return { since: since < initialStart ? initialStart : since, until: p.today };
}

/** Consecutive slices of at most `days` days, oldest first: each is a checkpoint a resumed sync starts after. */
export function slices(range: DateRange, days: number): DateRange[] {
  const out: DateRange[] = [];
  for (let since = range.since; since <= range.until; since = addDays(since, days)) {
    const until = minDate(addDays(since, days - 1), range.until);
    out.push({ since, until });
  }
  return out;
}
