import { describe, expect, it } from 'vitest';
import { fakeFetch, json, type Route, type SeenRequest } from '../testing/fake-fetch.js';
import { fixtureReader } from '../testing/fixtures.js';
import type { AdapterContext, TokenSet } from '../types.js';
import { createGoogleAdapter } from './adapter.js';
import { sandboxGoogleEndpoints } from './endpoints.js';

const fixture = fixtureReader(import.meta.url);
const token: TokenSet = { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: null, refreshExpiresAt: null, scopes: [], extra: {} };

const queryOf = (req: SeenRequest): string => (JSON.parse(req.body) as { query: string }).query;
const customerOf = (req: SeenRequest): string | undefined => /\/customers\/(\d+)\/googleAds:search$/.exec(req.url.pathname)?.[1];
const searching = (what: RegExp, answer: (req: SeenRequest) => Response): Route => (req) => (customerOf(req) && what.test(queryOf(req)) ? answer(req) : undefined);
const isSpend = (req: SeenRequest): boolean => customerOf(req) !== undefined && /metrics\.cost_micros FROM customer /.test(queryOf(req));

/** A direct SAR customer, and a manager whose JPY and KWD clients are reached through it. */
function google(spendOf: Record<string, () => Response>): { ctx: AdapterContext; seen: SeenRequest[] } {
  const { fetch, seen } = fakeFetch([
    (r) => (r.url.pathname.endsWith('customers:listAccessibleCustomers') ? json(fixture('list-accessible-customers')) : undefined),
    searching(/FROM customer_client/, () => json(fixture('search-customer-clients'))),
    searching(/^SELECT customer\..* FROM customer$/, (r) => json(fixture(customerOf(r) === '5550001111' ? 'search-customer-manager' : 'search-customer-direct'))),
    (r) => (isSpend(r) ? spendOf[customerOf(r) ?? '']?.() : undefined),
  ]);
  return { seen, ctx: { endpoints: sandboxGoogleEndpoints('http://sbx.test/'), credentials: { clientId: 'cid', clientSecret: 'secret' }, fetch, attempts: 3, maxBackoffMs: 5 } };
}

describe('Google cost of the last 30 days', () => {
  it('sums LAST_30_DAYS cost micros per customer, through the manager where it is reached so', async () => {
    const { ctx, seen } = google({
      '1234567890': () => json(fixture('search-customer-spend')),
      '7778889990': () => json(fixture('search-empty')),
      '3334445556': () => json(fixture('error-quota'), 429),
    });
    const accounts = await createGoogleAdapter(ctx).listAdAccounts(token);
    expect(accounts.map((a) => [a.externalId, a.currency, a.spendLast30dMinor])).toEqual([
      // 12.345 + 5.005 SAR summed in micros, then rounded once (per-day rounding would give 17.36).
      ['1234567890', 'SAR', 1735],
      // No rows: nothing was spent.
      ['7778889990', 'JPY', 0],
      // Throttled for longer than the page may wait: unknown, and the listing stands.
      ['3334445556', 'KWD', null],
    ]);
    const reads = seen.filter(isSpend);
    expect(reads.map((r) => [customerOf(r), r.headers.get('login-customer-id')])).toEqual([
      ['1234567890', null],
      ['7778889990', '5550001111'],
      ['3334445556', '5550001111'],
    ]);
    expect(queryOf(reads[0]!)).toBe('SELECT segments.date, metrics.cost_micros FROM customer WHERE segments.date DURING LAST_30_DAYS');
    expect(reads[0]?.headers.get('authorization')).toBe('Bearer at-1');
  });

  it('a customer whose cost cannot be read is null; the others keep theirs', async () => {
    const { ctx } = google({
      '1234567890': () => json(fixture('error-permission'), 403),
      '7778889990': () => json(fixture('search-customer-spend')),
      '3334445556': () => json({ results: [{ segments: { date: 'yesterday' }, metrics: { costMicros: '5' } }] }),
    });
    const accounts = await createGoogleAdapter(ctx).listAdAccounts(token);
    // JPY has no minor unit: 17.35 yen round to 17.
    expect(accounts.map((a) => a.spendLast30dMinor)).toEqual([null, 17, null]);
  });
});
