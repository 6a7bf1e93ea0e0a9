import { describe, expect, it } from 'vitest';
import { GraphError } from './errors.js';
import { parseFields } from './fields.js';
import { decodeCursor, encodeCursor } from './paging.js';
import { presetRange } from './insights-query.js';
import { fromMetaBudget, majorString, metaTime, toMetaBudget } from './units.js';

describe('Meta units', () => {
  it.each([
    // [world minor units, currency, Meta budget string, insights major string]
    [5000, 'USD', '5000', '50.00'],
    [123456, 'SAR', '123456', '1234.56'],
    [1500, 'JPY', '1500', '1500'],
    [12345, 'KWD', '1235', '12.345'],
    [250000, 'HUF', '2500', '2500.00'],
    [7, 'USD', '7', '0.07'],
  ])('%i minor %s → budget %s, report %s', (minor, currency, budget, major) => {
    expect(toMetaBudget(minor, currency)).toBe(budget);
    expect(majorString(minor, currency)).toBe(major);
  });

  it.each([
    ['2000', 'USD', 2000],
    ['1500', 'JPY', 1500],
    ['2500', 'HUF', 250000],
    ['1235', 'KWD', 12350],
  ])('budget %s %s → %i world minor units', (value, currency, minor) => {
    expect(fromMetaBudget(Number(value), currency)).toBe(minor);
  });

  it('prints times in the account zone with a colon-less offset', () => {
    expect(metaTime('2024-07-30T00:54:47.000Z', 'America/Los_Angeles')).toBe('2024-07-29T17:54:47-0700');
    expect(metaTime('2026-11-25T12:00:00Z', 'Asia/Riyadh')).toBe('2026-11-25T15:00:00+0300');
  });

  it('resolves date presets against the account-local today (the "last N days" exclude today)', () => {
    expect(presetRange('last_7d', '2026-11-25')).toEqual({ since: '2026-11-18', until: '2026-11-24' });
    expect(presetRange('today', '2026-11-25')).toEqual({ since: '2026-11-25', until: '2026-11-25' });
    expect(presetRange('this_month', '2026-11-25')).toEqual({ since: '2026-11-01', until: '2026-11-25' });
    expect(presetRange('last_month', '2026-03-10')).toEqual({ since: '2026-02-01', until: '2026-02-28' });
    expect(presetRange('last_week_mon_sun', '2026-11-25')).toEqual({ since: '2026-11-16', until: '2026-11-22' });
  });
});

describe('fields parameter', () => {
  it('parses nested selections', () => {
    expect(parseFields('id,name,business{id,name}')).toEqual([
      { name: 'id', sub: null },
      { name: 'name', sub: null },
      { name: 'business', sub: [{ name: 'id', sub: null }, { name: 'name', sub: null }] },
    ]);
    expect(parseFields(undefined)).toBeNull();
  });

  it.each(['id,', 'id,{name}', 'business{id', 'a b'])('refuses %j with code 2500', (src) => {
    expect(() => parseFields(src)).toThrow(GraphError);
    try {
      parseFields(src);
    } catch (e) {
      expect((e as GraphError).code).toBe(2500);
    }
  });
});

describe('cursors', () => {
  it('round-trip and are bound to their listing', () => {
    const c = encodeCursor('ads|1', 41);
    expect(decodeCursor('ads|1', c)).toBe(41);
    expect(() => decodeCursor('campaigns|1', c)).toThrow(/Invalid cursors values/);
  });

  it('refuse a tampered position', () => {
    const raw = Buffer.from(encodeCursor('ads|1', 41), 'base64url').toString();
    const forged = Buffer.from(raw.replace(/^41:/, '9000:')).toString('base64url');
    expect(() => decodeCursor('ads|1', forged)).toThrow(/Invalid cursors values/);
    expect(() => decodeCursor('ads|1', 'not-a-cursor')).toThrow(/Invalid cursors values/);
  });
});
