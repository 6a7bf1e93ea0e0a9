/** Account-local calendar days as integers (days since 1970-01-01), so day arithmetic is O(1). */
export const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === s;
}

/** `YYYY-MM-DD` → day number; NaN for anything else. */
export function dayOf(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) return Number.NaN;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** Dates are asked for by the hundred thousand (generation, reports) but span a few thousand days. */
const MAX_DATES = 20_000;
const dates = new Map<number, string>();

export function dateOf(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dates.size >= MAX_DATES) dates.clear();
    dates.set(day, date);
  }
  return date;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

interface LocalDayWindow {
  day: number;
  startMs: number;
  endMs: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const windows = new Map<string, LocalDayWindow>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(tz, f);
  }
  return f;
}

/**
 * The local day containing `ms` in `tz`, with the UTC span of that day. Cached per zone because
 * adDay asks for "today" on every call and Intl formatting is far too slow for that; a DST switch
 * inside the day shifts the span's end by an hour, which only matters for the partial-day fraction.
 */
export function localDay(ms: number, tz: string): LocalDayWindow {
  const cached = windows.get(tz);
  if (cached && ms >= cached.startMs && ms < cached.endMs) return cached;
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const localMs = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const intoDay = localMs - Math.floor(localMs / DAY_MS) * DAY_MS + (ms % 1000);
  const startMs = ms - intoDay;
  const window = { day: Math.floor(localMs / DAY_MS), startMs, endMs: startMs + DAY_MS };
  windows.set(tz, window);
  return window;
}
