import { describe, expect, it } from 'vitest';
import { PlatformError } from './errors.js';
import { last30Days, SPEND_CONCURRENCY, spendContext, withSpendLast30d } from './spend.js';
import type { AdAccount, AdapterContext } from './types.js';

const account = (id: string): AdAccount => ({ externalId: id, name: id, currency: 'USD', timeZone: 'UTC', status: 'active', spendLast30dMinor: null, managerId: null });

describe('last30Days', () => {
  it.each([
    // 12:00 UTC is already the 25th in Tokyo and still the 25th in Los Angeles (04:00).
    ['2026-11-25T12:00:00Z', 'Asia/Tokyo', '2026-10-26', '2026-11-24'],
    ['2026-11-25T12:00:00Z', 'America/Los_Angeles', '2026-10-26', '2026-11-24'],
    // 02:00 UTC is the 24th in Los Angeles and the 25th in Riyadh: each account's own yesterday.
    ['2026-11-25T02:00:00Z', 'America/Los_Angeles', '2026-10-25', '2026-11-23'],
    ['2026-11-25T02:00:00Z', 'Asia/Riyadh', '2026-10-26', '2026-11-24'],
    // Across a month end and a leap day.
    ['2024-03-01T10:00:00Z', 'UTC', '2024-01-31', '2024-02-29'],
    // Across the spring daylight-saving change in New York (10 March 2024): still 30 dates.
    ['2024-03-20T15:00:00Z', 'America/New_York', '2024-02-19', '2024-03-19'],
  ])('at %s in %s: %s..%s', (now, zone, since, until) => {
    expect(last30Days(new Date(now), zone)).toEqual({ since, until });
  });
});

describe('spendContext', () => {
  const base: AdapterContext = { endpoints: { api: 'a', authorize: 'b', token: 'c' }, credentials: { clientId: 'i', clientSecret: 's' } };

  it('caps retries, waits and the timeout, since the person is waiting on the page', () => {
    expect(spendContext(base)).toMatchObject({ attempts: 2, maxBackoffMs: 2_000, timeoutMs: 10_000 });
  });

  it('keeps a caller’s stricter settings', () => {
    expect(spendContext({ ...base, attempts: 1, maxBackoffMs: 5, timeoutMs: 300 })).toMatchObject({ attempts: 1, maxBackoffMs: 5, timeoutMs: 300 });
  });
});

describe('withSpendLast30d', () => {
  it('sets each account’s figure, in the listing’s order', async () => {
    const out = await withSpendLast30d([account('a'), account('b'), account('c')], async (a) => ({ a: 1250, b: 0, c: 7 })[a.externalId] ?? -1);
    expect(out.map((a) => [a.externalId, a.spendLast30dMinor])).toEqual([
      ['a', 1250],
      ['b', 0],
      ['c', 7],
    ]);
  });

  it.each([
    ['a platform error', () => Promise.reject(new PlatformError('meta', 'RATE_LIMITED', 'slow down'))],
    ['any other error', () => Promise.reject(new Error('boom'))],
    ['a throw before any promise', () => {
      throw new RangeError('bad zone');
    }],
    ['a fraction', () => Promise.resolve(12.5)],
    ['a negative amount', () => Promise.resolve(-3)],
    ['NaN', () => Promise.resolve(Number.NaN)],
  ])('%s leaves that account’s figure null and the others alone', async (_, bad) => {
    const out = await withSpendLast30d([account('ok'), account('bad')], (a) => (a.externalId === 'bad' ? bad() : Promise.resolve(99)));
    expect(out.map((a) => a.spendLast30dMinor)).toEqual([99, null]);
  });

  it('never has more than four reads in flight, and runs them all', async () => {
    let inFlight = 0;
    let most = 0;
    const accounts = Array.from({ length: 11 }, (_, i) => account(`acc-${i}`));
    const out = await withSpendLast30d(accounts, async (a) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return Number(a.externalId.slice(4));
    });
    expect(SPEND_CONCURRENCY).toBe(4);
    expect(most).toBe(4);
    expect(out.map((a) => a.spendLast30dMinor)).toEqual(accounts.map((_, i) => i));
  });

  it('does not touch the accounts it was given', async () => {
    const list = [account('a')];
    await withSpendLast30d(list, async () => 5);
    expect(list[0]?.spendLast30dMinor).toBeNull();
  });

  it('an empty listing reads nothing', async () => {
    expect(await withSpendLast30d([], () => Promise.reject(new Error('not called')))).toEqual([]);
  });
});
