import { describe, expect, it } from 'vitest';
import { metricsWindow } from './ranges.js';

// Date arithmetic (localDate, addDays, slices) is tested with src/shared/dates.ts.
describe('metricsWindow', () => {
  it.each([
    ['first sync: 30 days to today', { today: '2026-11-25', syncedThrough: null, initialDays: 30, lookbackDays: 3 }, { since: '2026-10-27', until: '2026-11-25' }],
    ['up to date: the trailing 3 days again', { today: '2026-11-25', syncedThrough: '2026-11-25', initialDays: 30, lookbackDays: 3 }, { since: '2026-11-23', until: '2026-11-25' }],
    ['interrupted first sync resumes after its checkpoint', { today: '2026-11-25', syncedThrough: '2026-11-02', initialDays: 30, lookbackDays: 3 }, { since: '2026-11-03', until: '2026-11-25' }],
    ['a long gap never reaches before the first window', { today: '2026-11-25', syncedThrough: '2026-01-01', initialDays: 30, lookbackDays: 3 }, { since: '2026-10-27', until: '2026-11-25' }],
    ['one day of history', { today: '2026-11-25', syncedThrough: null, initialDays: 1, lookbackDays: 3 }, { since: '2026-11-25', until: '2026-11-25' }],
  ])('%s', (_name, p, range) => expect(metricsWindow(p)).toEqual(range));
});
