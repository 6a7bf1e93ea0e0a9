import { describe, expect, it } from 'vitest';
import { fakeFetch, json, type SeenRequest } from '../testing/fake-fetch.js';
import { fixtureReader } from '../testing/fixtures.js';
import type { AdapterContext, TokenSet } from '../types.js';
import { createTiktokAdapter } from './adapter.js';
import { realTiktokEndpoints } from './endpoints.js';

const fixture = fixtureReader(import.meta.url);
const advertisers = fixture('advertisers') as { get: unknown; info: unknown };
const TOKEN = 'tt-secret-test-token';
const t: TokenSet = { accessToken: TOKEN, refreshToken: null, expiresAt: null, refreshExpiresAt: null, scopes: [], extra: {} };
const US = '7100000000000000001';
const JP = '7100000000000000002';
const KW = '7100000000000000003';

const report = (rows: Array<[string, string]>) =>
  json({
    code: 0,
    message: 'OK',
    request_id: 'r',
    data: { list: rows.map(([id, spend]) => ({ dimensions: { advertiser_id: id }, metrics: { spend } })), page_info: { page: 1, page_size: 10, total_number: rows.length, total_page: 1 } },
  });

function tiktok(reportOf: Record<string, () => Response>): { ctx: AdapterContext; seen: SeenRequest[] } {
  const { fetch, seen } = fakeFetch((req) => {
    const path = req.url.pathname;
    if (path.endsWith('/oauth2/advertiser/get/')) return json(advertisers.get);
    if (path.endsWith('/advertiser/info/')) return json(advertisers.info);
    if (path.endsWith('/report/integrated/get/')) return reportOf[req.url.searchParams.get('advertiser_id') ?? '']?.();
    return undefined;
  });
  return {
    seen,
    ctx: {
      endpoints: realTiktokEndpoints,
      credentials: { clientId: '7000000000000000001', clientSecret: 'tt-secret' },
      fetch,
      attempts: 3,
      maxBackoffMs: 5,
      // 03:00 UTC: still the 14th in Los Angeles, already the 15th in Tokyo and in UTC+3.
      now: () => new Date('2025-01-15T03:00:00Z'),
    },
  };
}

describe('TikTok spend of the last 30 days', () => {
  it('reads an advertiser-level total per advertiser, over the 30 days before its own today', async () => {
    const { ctx, seen } = tiktok({
      [US]: () => json(fixture('report-advertiser')),
      // A row about another advertiser is not this one's spend.
      [JP]: () => report([[JP, '5000'], ['7100000000000000999', '999']]),
      [KW]: () => json({ code: 40100, message: 'Too many requests', request_id: 'r', data: {} }),
    });
    const accounts = await createTiktokAdapter(ctx).listAdAccounts(t);
    expect(accounts.map((a) => [a.externalId, a.currency, a.spendLast30dMinor])).toEqual([
      [US, 'USD', 123456],
      [JP, 'JPY', 5000],
      [KW, 'KWD', null],
    ]);
    const reads = seen.filter((s) => s.url.pathname.endsWith('/report/integrated/get/'));
    const sent = (id: string) => Object.fromEntries(reads.find((r) => r.url.searchParams.get('advertiser_id') === id)?.url.searchParams ?? []);
    expect(sent(US)).toEqual({
      advertiser_id: US,
      report_type: 'BASIC',
      service_type: 'AUCTION',
      data_level: 'AUCTION_ADVERTISER',
      dimensions: '["advertiser_id"]',
      metrics: '["spend"]',
      start_date: '2024-12-15',
      end_date: '2025-01-13',
      page: '1',
      page_size: '10',
    });
    expect([sent(JP).start_date, sent(JP).end_date]).toEqual(['2024-12-16', '2025-01-14']);
    expect([sent(KW).start_date, sent(KW).end_date]).toEqual(['2024-12-16', '2025-01-14']);
    expect(reads.every((r) => r.headers.get('access-token') === TOKEN && !r.url.search.includes(TOKEN))).toBe(true);
    // A throttled read is tried twice at most, not the adapter's usual number of attempts.
    expect(reads.filter((r) => r.url.searchParams.get('advertiser_id') === KW)).toHaveLength(2);
  });

  it('"no data" and an empty report are 0; a permission error is null', async () => {
    const { ctx } = tiktok({
      [US]: () => report([[US, '-']]),
      [JP]: () => report([]),
      [KW]: () => json({ code: 40001, message: 'No permission to operate advertiser', request_id: 'r', data: {} }),
    });
    expect((await createTiktokAdapter(ctx).listAdAccounts(t)).map((a) => a.spendLast30dMinor)).toEqual([0, 0, null]);
  });
});
