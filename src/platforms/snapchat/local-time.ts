/**
 * Snapchat's DAY stats must start and end at midnight of the ad account's time zone, written
 * with its UTC offset (`2025-01-01T00:00:00.000-08:00`). The offset changes with daylight
 * saving, so it is worked out per date from the IANA zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: number, timeZone: string): { date: string; ms: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const ms = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return { date, ms };
}

/** Offset of the zone from UTC at an instant, in minutes (east positive). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return Math.round((wallClock(whole, timeZone).ms - whole) / 60_000);
}

/** The instant local midnight starts `date` in `timeZone`. */
export function localMidnight(date: string, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  // Two rounds settle the offset even when the guess lands across a daylight-saving change.
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  instant = wall - offsetMinutes(instant, timeZone) * 60_000;
  return instant;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `2025-01-01T00:00:00.000-08:00` for `2025-01-01` in America/Los_Angeles. */
export function localMidnightIso(date: string, timeZone: string): string {
  const instant = localMidnight(date, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const wall = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
  return `${wall}.000${formatOffset(offset)}`;
}

/**
 * The account-local day a DAY bucket covers, from its `start_time`. The bucket starts at a
 * local midnight; reading the date half a day later keeps an offset printed an hour off
 * around a daylight-saving change from moving the row to the previous day.
 */
export function dayOfBucket(startTime: string, timeZone: string): string {
  // Every ad of a report repeats the same few bucket starts; Intl formatting is the costly part.
  const key = `${timeZone}|${startTime}`;
  const known = bucketDays.get(key);
  if (known) return known;
  const instant = Date.parse(startTime);
  if (Number.isNaN(instant)) throw new RangeError(`not a timestamp: ${startTime}`);
  const date = wallClock(instant + 12 * 3_600_000, timeZone).date;
  if (bucketDays.size >= 10_000) bucketDays.clear();
  bucketDays.set(key, date);
  return date;
}
const bucketDays = new Map<string, string>();
