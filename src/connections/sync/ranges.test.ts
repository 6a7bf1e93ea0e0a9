import { describe, expect, it } from 'vitest';
import { addDays, localDate, metricsWindow, slices } from './ranges.js';

describe('sync date arithmetic', () => {
  it.each([
    ['2026-11-25T20:59:00Z', 'Asia/Riyadh', '2026-11-25'],
    ['2026-11-25T21:00:00Z', 'Asia/Riyadh', '2026-11-26'],
    ['2026-11-25T04:00:00Z', 'America/New_York', '2026-11-24'],
    ['2026-03-08T07:30:00Z', 'America/Los_Angeles', '2026-03-07'],
    ['2026-11-25T00:00:00Z', 'UTC', '2026-11-25'],
  ])('%s in %s is %s', (iso, tz, date) => expect(localDate(new Date(iso), tz)).toBe(date));

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-11-25', -29, '2026-10-27'],
  ])('%s + %i days = %s', (d, n, out) => expect(addDays(d, n)).toBe(out));

  it.each([
    ['first sync: 30 days to today', { today: '2026-11-25', syncedThrough: null, initialDays: 30, lookbackDays: 3 }, { since: '2026-10-27', until: '2026-11-25' }],
    ['up to date: the trailing 3 days again', { today: '2026-11-25', syncedThrough: '2026-11-25', initialDays: 30, lookbackDays: 3 }, { since: '2026-11-23', until: '2026-11-25' }],
    ['interrupted first sync resumes after its checkpoint', { today: '2026-11-25', syncedThrough: '2026-11-02', initialDays: 30, lookbackDays: 3 }, { since: '2026-11-03', until: '2026-11-25' }],
    ['a long gap never reaches before the first window', { today: '2026-11-25', syncedThrough: '2026-01-01', initialDays: 30, lookbackDays: 3 }, { since: '2026-10-27', until: '2026-11-25' }],
    ['one day of history', { today: '2026-11-25', syncedThrough: null, initialDays: 1, lookbackDays: 3 }, { since: '2026-11-25', until: '2026-11-25' }],
  ])('%s', (_name, p, range) => expect(metricsWindow(p)).toEqual(range));

  it('slices a range oldest first, the last slice short', () => {
    expect(slices({ since: '2026-10-27', until: '2026-11-25' }, 7)).toEqual([
      { since: '2026-10-27', until: '2026-11-02' },
      { since: '2026-11-03', until: '2026-11-09' },
      { since: '2026-11-10', until: '2026-11-16' },
      { since: '2026-11-17', until: '2026-11-23' },
      { since: '2026-11-24', until: '2026-11-25' },
    ]);
    expect(slices({ since: '2026-11-25', until: '2026-11-25' }, 7)).toEqual([{ since: '2026-11-25', until: '2026-11-25' }]);
  });
});
