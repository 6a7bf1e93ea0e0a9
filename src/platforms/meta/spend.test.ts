import { describe, expect, it } from 'vitest';
import { fakeFetch, json, type SeenRequest } from '../testing/fake-fetch.js';
import { fixtureReader } from '../testing/fixtures.js';
import type { AdapterContext, TokenSet } from '../types.js';
import { createMetaAdapter } from './adapter.js';
import { realMetaEndpoints } from './endpoints.js';

const fixture = fixtureReader<Record<string, unknown>>(import.meta.url);
const spend = fixture('insights-account-30d');
const TOKEN = 'EAAB-secret-test-token';
const t: TokenSet = { accessToken: TOKEN, refreshToken: null, expiresAt: null, refreshExpiresAt: null, scopes: [], extra: {} };

/** The recorded account list; each account's insights answer named by its id (or a Graph error). */
const insightsOf: Record<string, () => Response> = {
  act_1234567890: () => json(spend.usd),
  act_2233445566: () => json(spend.jpy),
  act_3344556677: () => json(spend.kwd),
  act_4455667788: () => json({ error: { message: '(#17) User request limit reached', type: 'OAuthException', code: 17, error_subcode: 2446079 } }, 400),
  act_5566778899: () => json(spend['nothing-delivered']),
};

function graph(delayMs = 0): { ctx: AdapterContext; seen: SeenRequest[]; most: () => number } {
  const { fetch, seen } = fakeFetch((req) => {
    if (req.url.pathname.endsWith('/me/adaccounts')) return json(fixture('ad-accounts'));
    const act = /\/(act_\d+)\/insights$/.exec(req.url.pathname)?.[1];
    return act ? insightsOf[act]?.() : undefined;
  });
  let inFlight = 0;
  let most = 0;
  const slow: typeof globalThis.fetch = async (input, init) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    try {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return await fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  return { seen, most: () => most, ctx: { endpoints: realMetaEndpoints, credentials: { clientId: '111', clientSecret: 'app-secret' }, fetch: slow, attempts: 3, maxBackoffMs: 5 } };
}

describe('Meta spend of the last 30 days', () => {
  it('reads account-level insights for last_30d, one request per account, in the account’s currency', async () => {
    const { ctx, seen } = graph();
    const accounts = await createMetaAdapter(ctx).listAdAccounts(t);
    expect(accounts.map((a) => [a.externalId, a.currency, a.spendLast30dMinor])).toEqual([
      ['1234567890', 'USD', 662287],
      ['2233445566', 'JPY', 153200],
      ['3344556677', 'KWD', 412345],
      // Throttled: the listing stands, the figure is unknown.
      ['4455667788', 'EUR', null],
      // Graph sends no row when nothing was delivered.
      ['5566778899', 'GBP', 0],
    ]);
    const reads = seen.filter((s) => s.url.pathname.endsWith('/insights'));
    expect(new Set(reads.map((s) => s.url.pathname)).size).toBe(5);
    expect(Object.fromEntries(reads[0]?.url.searchParams ?? [])).toEqual({ level: 'account', fields: 'spend', date_preset: 'last_30d', access_token: TOKEN });
    expect(reads[0]?.url.pathname).toBe('/v25.0/act_1234567890/insights');
  });

  it('retries a throttled read at most once before giving up on it', async () => {
    const { ctx, seen } = graph();
    await createMetaAdapter({ ...ctx, attempts: 6 }).listAdAccounts(t);
    expect(seen.filter((s) => s.url.pathname.endsWith('/act_4455667788/insights')).length).toBeLessThanOrEqual(2);
  });

  it('keeps at most four reads in flight', async () => {
    const { ctx, most } = graph(10);
    const accounts = await createMetaAdapter(ctx).listAdAccounts(t);
    expect(accounts).toHaveLength(5);
    expect(most()).toBe(4);
  });
});
