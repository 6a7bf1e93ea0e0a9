/** The day range a stats request covers, resolved against "today" in the reader's time zone. */
export interface DayRange {
  from: string;
  to: string;
  timeZone: string;
}

export function todayIn(timeZone: string, now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Defaults: the last 30 days up to today; a lone `from` runs to today, a lone `to` starts 29 days earlier. */
export function resolveRange(q: { from?: string | undefined; to?: string | undefined }, timeZone: string, now: Date): DayRange {
  const to = q.to ?? todayIn(timeZone, now);
  const from = q.from ?? addDays(to, -29);
  return { from, to, timeZone };
}

/** Every day of the range, so days without leads show as zero rather than missing. */
export function eachDay(range: DayRange): string[] {
  const days: string[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** `a / b`, or null when there was nothing to convert from. */
export function share(a: number, b: number): number | null {
  return b === 0 ? null : Math.round((a / b) * 10_000) / 10_000;
}
