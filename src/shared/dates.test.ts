import { describe, expect, it } from 'vitest';
import { addDays, dateRangeSchema, isoDateSchema, localDate, slices } from './dates.js';

describe('localDate', () => {
  it.each([
    ['2026-11-25T20:59:00Z', 'Asia/Riyadh', '2026-11-25'],
    ['2026-11-25T21:00:00Z', 'Asia/Riyadh', '2026-11-26'],
    ['2026-11-25T04:00:00Z', 'America/New_York', '2026-11-24'],
    ['2026-03-08T07:30:00Z', 'America/Los_Angeles', '2026-03-07'],
    ['2025-01-01T07:59:59Z', 'America/Los_Angeles', '2024-12-31'],
    ['2026-11-25T00:00:00Z', 'UTC', '2026-11-25'],
  ])('%s in %s is %s', (iso, tz, date) => expect(localDate(new Date(iso), tz)).toBe(date));
});

describe('addDays', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-11-25', -29, '2026-10-27'],
    // Across a daylight-saving change in zones that have one: dates carry no zone.
    ['2026-03-07', 2, '2026-03-09'],
    ['2026-11-25', 0, '2026-11-25'],
  ])('%s + %i days = %s', (d, n, out) => expect(addDays(d, n)).toBe(out));
});

describe('isoDateSchema', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-12-31', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-2-1', false],
    [' 2025-01-01', false],
    ['2025-01-01T00:00:00Z', false],
  ])('%s is a date: %s', (s, ok) => expect(isoDateSchema.safeParse(s).success).toBe(ok));
});

describe('dateRangeSchema', () => {
  it.each([
    [{ since: '2025-01-01', until: '2025-01-31' }, null],
    [{ since: '2025-01-01', until: '2025-01-01' }, null],
    [{ since: '2025-02-01', until: '2025-01-01' }, 'since must not be after until'],
    [{ since: '2025-2-1', until: '2025-03-01' }, 'Invalid ISO date'],
    [{ since: '2025-01-01', until: '2025-13-01' }, 'Invalid ISO date'],
  ])('%o → %s', (range, problem) => {
    const parsed = dateRangeSchema.safeParse(range);
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe(problem);
  });
});

describe('slices', () => {
  it.each([
    [
      'a month by 7 days, oldest first, the last slice short',
      { since: '2026-10-27', until: '2026-11-25' },
      7,
      [
        ['2026-10-27', '2026-11-02'],
        ['2026-11-03', '2026-11-09'],
        ['2026-11-10', '2026-11-16'],
        ['2026-11-17', '2026-11-23'],
        ['2026-11-24', '2026-11-25'],
      ],
    ],
    ['one day', { since: '2026-11-25', until: '2026-11-25' }, 7, [['2026-11-25', '2026-11-25']]],
    ['45 days by 30', { since: '2025-01-01', until: '2025-02-14' }, 30, [['2025-01-01', '2025-01-30'], ['2025-01-31', '2025-02-14']]],
    ['exactly one slice', { since: '2025-01-01', until: '2025-01-30' }, 30, [['2025-01-01', '2025-01-30']]],
    ['one day over a slice', { since: '2025-01-01', until: '2025-01-31' }, 30, [['2025-01-01', '2025-01-30'], ['2025-01-31', '2025-01-31']]],
    ['weeks across a leap day', { since: '2024-02-20', until: '2024-03-05' }, 7, [['2024-02-20', '2024-02-26'], ['2024-02-27', '2024-03-04'], ['2024-03-05', '2024-03-05']]],
    ['day by day across a month end', { since: '2025-01-31', until: '2025-02-01' }, 1, [['2025-01-31', '2025-01-31'], ['2025-02-01', '2025-02-01']]],
    ['across a leap day', { since: '2024-02-27', until: '2024-03-02' }, 3, [['2024-02-27', '2024-02-29'], ['2024-03-01', '2024-03-02']]],
    ['a reversed range has none', { since: '2025-02-01', until: '2025-01-01' }, 7, []],
  ])('%s', (_name, range, days, expected) => {
    expect(slices(range, days).map((s) => [s.since, s.until])).toEqual(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a slice of %s days', (days) => {
    expect(() => slices({ since: '2025-01-01', until: '2025-01-02' }, days)).toThrow(RangeError);
  });
});
