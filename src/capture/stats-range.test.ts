import { describe, expect, it } from 'vitest';
import { eachDay, resolveRange, share, todayIn } from './stats-range.js';

describe('stats day ranges', () => {
  const now = new Date('2026-03-01T22:30:00Z');

  it.each([
    ['UTC', '2026-03-01'],
    // 01:30 the next day in Riyadh (UTC+3): the day has already turned there.
    ['Asia/Riyadh', '2026-03-02'],
    ['America/Los_Angeles', '2026-03-01'],
  ])('today in %s is %s', (tz, day) => expect(todayIn(tz, now)).toBe(day));

  it.each([
    [{}, { from: '2026-02-01', to: '2026-03-02' }],
    [{ from: '2026-02-20' }, { from: '2026-02-20', to: '2026-03-02' }],
    [{ to: '2026-01-31' }, { from: '2026-01-02', to: '2026-01-31' }],
    [{ from: '2025-12-30', to: '2026-01-02' }, { from: '2025-12-30', to: '2026-01-02' }],
  ])('resolves %j to %j in Riyadh', (q, expected) => expect(resolveRange(q, 'Asia/Riyadh', now)).toEqual({ ...expected, timeZone: 'Asia/Riyadh' }));

  it('lists every day, across month and leap boundaries', () => {
    expect(eachDay({ from: '2028-02-27', to: '2028-03-01', timeZone: 'UTC' })).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(eachDay({ from: '2026-01-05', to: '2026-01-05', timeZone: 'UTC' })).toEqual(['2026-01-05']);
  });

  it.each([
    [0, 0, null],
    [1, 4, 0.25],
    [2, 3, 0.6667],
    [5, 5, 1],
  ])('share(%i, %i) = %s', (a, b, r) => expect(share(a, b)).toBe(r));
});
