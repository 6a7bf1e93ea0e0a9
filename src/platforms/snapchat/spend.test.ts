import { describe, expect, it } from 'vitest';
import { fakeFetch, json, type SeenRequest } from '../testing/fake-fetch.js';
import { fixtureReader } from '../testing/fixtures.js';
import type { AdapterContext, TokenSet } from '../types.js';
import { createSnapchatAdapter } from './adapter.js';
import { sandboxSnapchatEndpoints } from './endpoints.js';

const fixture = fixtureReader<Record<string, unknown>>(import.meta.url);
const token: TokenSet = { accessToken: 'snap-at', refreshToken: 'snap-rt', expiresAt: null, refreshExpiresAt: null, scopes: [], extra: {} };
const SAR = '8adc3db7-8148-4fbf-999c-8d2266369d74';
const KWD = '1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b';

const total = (spend: number, status = 'success') => json({ request_status: 'success', request_id: 'r', total_stats: [{ sub_request_status: status, total_stat: { id: 'x', type: 'AD_ACCOUNT', granularity: 'TOTAL', stats: { spend } } }] });

function snapchat(statsOf: Record<string, () => Response>): { ctx: AdapterContext; seen: SeenRequest[] } {
  const { fetch, seen } = fakeFetch(
    (req) => {
      const path = req.url.pathname;
      if (path.endsWith('/me/organizations')) return json(fixture('organizations'));
      if (path.endsWith('/adaccounts')) return json(fixture('adaccounts'));
      const id = /\/adaccounts\/([^/]+)\/stats$/.exec(path)?.[1];
      return id ? statsOf[id]?.() : undefined;
    },
    () => json(fixture('error-404'), 404),
  );
  return {
    seen,
    ctx: {
      endpoints: sandboxSnapchatEndpoints('http://sbx.test'),
      credentials: { clientId: 'snap-client', clientSecret: 'snap-secret' },
      fetch,
      attempts: 3,
      maxBackoffMs: 5,
      // 22:00 UTC on the 14th is 01:00 on the 15th in Riyadh and Kuwait.
      now: () => new Date('2025-01-14T22:00:00Z'),
    },
  };
}

describe('Snapchat spend of the last 30 days', () => {
  it('asks for one TOTAL from local midnight 30 days ago to local midnight today, spend in micro', async () => {
    const { ctx, seen } = snapchat({ [SAR]: () => json(fixture('stats-total')), [KWD]: () => json(fixture('error-429'), 429) });
    const accounts = await createSnapchatAdapter(ctx).listAdAccounts(token);
    expect(accounts.map((a) => [a.externalId, a.currency, a.spendLast30dMinor])).toEqual([
      // 1,234.565 SAR rounds half up to 1,234.57.
      [SAR, 'SAR', 123457],
      // Still throttled after one retry: unknown, and the listing stands.
      [KWD, 'KWD', null],
    ]);
    const reads = seen.filter((s) => s.url.pathname.endsWith('/stats'));
    const sar = reads.find((r) => r.url.pathname.includes(SAR));
    expect(sar?.url.pathname).toBe(`/snapchat/adsapi/v1/adaccounts/${SAR}/stats`);
    expect(Object.fromEntries(sar?.url.searchParams ?? [])).toEqual({
      granularity: 'TOTAL',
      fields: 'spend',
      start_time: '2024-12-16T00:00:00.000+03:00',
      end_time: '2025-01-15T00:00:00.000+03:00',
    });
    expect(sar?.headers.get('authorization')).toBe('Bearer snap-at');
    expect(reads.filter((r) => r.url.pathname.includes(KWD))).toHaveLength(2);
  });

  it('reads three-decimal currencies exactly; a failed item is null', async () => {
    const { ctx } = snapchat({ [SAR]: () => total(5, 'failed'), [KWD]: () => total(412_345_000) });
    expect((await createSnapchatAdapter(ctx).listAdAccounts(token)).map((a) => a.spendLast30dMinor)).toEqual([null, 412345]);
  });

  it('a total of zero is 0; an answer with no total, or an unknown account, is null', async () => {
    const { ctx } = snapchat({ [SAR]: () => total(0), [KWD]: () => json({ request_status: 'success', request_id: 'r', total_stats: [] }) });
    expect((await createSnapchatAdapter(ctx).listAdAccounts(token)).map((a) => a.spendLast30dMinor)).toEqual([0, null]);
    const { ctx: missing } = snapchat({});
    expect((await createSnapchatAdapter(missing).listAdAccounts(token)).map((a) => a.spendLast30dMinor)).toEqual([null, null]);
  });
});
