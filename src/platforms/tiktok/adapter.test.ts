import { describe, expect, it } from 'vitest';
import { collect } from '../testing/contract-support.js';
import { fakeFetch, reply, type Answer, type SeenRequest } from '../testing/fake-fetch.js';
import { fixtureReader } from '../testing/fixtures.js';
import type { AdAccount, AdapterContext, TokenSet } from '../types.js';
import { createTiktokAdapter } from './adapter.js';
import { realTiktokEndpoints, sandboxTiktokEndpoints } from './endpoints.js';

/** A fake TikTok API: answers by path, page and body, records every request. */
function fakeTiktok(route: (url: URL, n: number, body: string) => Answer): { ctx: AdapterContext; seen: SeenRequest[] } {
  const { fetch, seen } = fakeFetch((req, n) => reply(route(req.url, n, req.body)));
  return {
    seen,
    ctx: { endpoints: realTiktokEndpoints, credentials: { clientId: '7000000000000000001', clientSecret: 'tt-secret' }, fetch, attempts: 3, maxBackoffMs: 5 },
  };
}

const fixture = fixtureReader(import.meta.url);
const TOKEN = 'tt-secret-test-token';
const t: TokenSet = { accessToken: TOKEN, refreshToken: null, expiresAt: null, refreshExpiresAt: null, scopes: [], extra: {} };
const account: AdAccount = { externalId: '7100000000000000001', name: 'Acme US', currency: 'USD', timeZone: 'America/Los_Angeles', status: 'active', spendLast30dMinor: null, managerId: null };
const ok = (data: unknown) => ({ body: { code: 0, message: 'OK', request_id: 'r', data } });
const campaigns = (ids: string[], page: number, totalPage: number) =>
  ok({
    list: ids.map((id) => ({ campaign_id: id, campaign_name: `c${id}`, operation_status: 'ENABLE', budget_mode: 'BUDGET_MODE_INFINITE', budget: 0 })),
    page_info: { page, page_size: 2, total_number: 3, total_page: totalPage },
  });
const empty = ok({ list: [], page_info: { page: 1, page_size: 1000, total_number: 0, total_page: 0 } });

describe('TikTok pagination', () => {
  it('pages until total_page, with the token in the Access-Token header only', async () => {
    const { ctx, seen } = fakeTiktok((url) => {
      if (!url.pathname.endsWith('/campaign/get/')) return empty;
      return url.searchParams.get('page') === '1' ? campaigns(['1', '2'], 1, 2) : campaigns(['3'], 2, 2);
    });
    const list = await collect(createTiktokAdapter(ctx).entities(t, account));
    expect(list.map((e) => e.externalId)).toEqual(['1', '2', '3']);
    expect(seen.map((s) => `${s.url.pathname.replace('/open_api/v1.3/', '')}?page=${s.url.searchParams.get('page')}`)).toEqual([
      'campaign/get/?page=1',
      'campaign/get/?page=2',
      'adgroup/get/?page=1',
      'ad/get/?page=1',
    ]);
    expect(seen[0]?.headers.get('access-token')).toBe(TOKEN);
    expect(seen[0]?.url.search).not.toContain(TOKEN);
    expect(seen[0]?.url.searchParams.get('advertiser_id')).toBe('7100000000000000001');
    expect(seen[0]?.url.searchParams.get('page_size')).toBe('1000');
  });

  it('stops on an empty page even if total_page says more', async () => {
    const { ctx, seen } = fakeTiktok(() => ok({ list: [], page_info: { page: 1, total_page: 5 } }));
    expect(await collect(createTiktokAdapter(ctx).entities(t, account))).toEqual([]);
    expect(seen).toHaveLength(3);
  });

  it('retries a truncated page and an in-envelope rate limit', async () => {
    const { ctx } = fakeTiktok((url, n) => {
      if (!url.pathname.endsWith('/campaign/get/')) return empty;
      if (n === 1) return '{"code":0,"message":"OK","data":{"list":[{"campaign_id":"1"';
      if (n === 2) return { body: { code: 40100, message: 'Too many requests', request_id: 'r', data: {} } };
      return campaigns(['1'], 1, 1);
    });
    expect((await collect(createTiktokAdapter(ctx).entities(t, account))).map((e) => e.externalId)).toEqual(['1']);
  });

  it('does not retry an invalid token', async () => {
    const { ctx, seen } = fakeTiktok(() => ({ body: { code: 40105, message: 'Access token is incorrect or has been revoked.', request_id: 'r', data: {} } }));
    await expect(collect(createTiktokAdapter(ctx).entities(t, account))).rejects.toMatchObject({ code: 'AUTH_EXPIRED' });
    expect(seen).toHaveLength(1);
  });
});

describe('TikTok report', () => {
  it('asks for ad-level daily rows with JSON-array parameters, 30 days at a time', async () => {
    const { ctx, seen } = fakeTiktok(() => ({ body: fixture('report') }));
    const rows = await collect(createTiktokAdapter(ctx).dailyMetrics(t, account, { since: '2025-01-01', until: '2025-02-14' }));
    expect(rows).toHaveLength(6);
    const q = seen.map((s) => s.url.searchParams);
    expect(q.map((p) => [p.get('start_date'), p.get('end_date')])).toEqual([
      ['2025-01-01', '2025-01-30'],
      ['2025-01-31', '2025-02-14'],
    ]);
    expect(q[0]?.get('data_level')).toBe('AUCTION_AD');
    expect(q[0]?.get('report_type')).toBe('BASIC');
    expect(JSON.parse(q[0]?.get('dimensions') ?? '')).toEqual(['ad_id', 'stat_time_day']);
    expect(JSON.parse(q[0]?.get('metrics') ?? '')).toContain('complete_payment');
    expect(seen[0]?.url.pathname).toBe('/open_api/v1.3/report/integrated/get/');
  });
});

describe('TikTok accounts', () => {
  it('lists authorized advertisers, then their details', async () => {
    const f = fixture('advertisers') as { get: unknown; info: unknown };
    const { ctx, seen } = fakeTiktok((url) => ({ body: url.pathname.endsWith('/oauth2/advertiser/get/') ? f.get : f.info }));
    const accounts = await createTiktokAdapter(ctx).listAdAccounts(t);
    expect(accounts.map((a) => [a.externalId, a.currency, a.status])).toEqual([
      ['7100000000000000001', 'USD', 'active'],
      ['7100000000000000002', 'JPY', 'pending'],
      ['7100000000000000003', 'KWD', 'disabled'],
    ]);
    expect(Object.fromEntries(seen[0]?.url.searchParams ?? [])).toEqual({ app_id: '7000000000000000001', secret: 'tt-secret' });
    expect(JSON.parse(seen[1]?.url.searchParams.get('advertiser_ids') ?? '')).toEqual(['7100000000000000001', '7100000000000000002', '7100000000000000003']);
  });
});

describe('TikTok mutations', () => {
  const done = ok({});
  it.each([
    ['campaign budget', 'campaign' as const, 'budget', '/campaign/update/', { advertiser_id: '7100000000000000001', campaign_id: '1800000000000001', budget: 75.5 }],
    ['ad group budget', 'ad_set' as const, 'budget', '/adgroup/update/', { advertiser_id: '7100000000000000001', adgroup_id: '1800000000000001', budget: 75.5 }],
    ['campaign pause', 'campaign' as const, 'status', '/campaign/status/update/', { advertiser_id: '7100000000000000001', campaign_ids: ['1800000000000001'], operation_status: 'DISABLE' }],
    ['ad group pause', 'ad_set' as const, 'status', '/adgroup/status/update/', { advertiser_id: '7100000000000000001', adgroup_ids: ['1800000000000001'], operation_status: 'DISABLE' }],
  ])('%s', async (_name, level, kind, path, body) => {
    const { ctx, seen } = fakeTiktok(() => done);
    const tiktok = createTiktokAdapter(ctx);
    const ref = { accountId: account.externalId, level, externalId: '1800000000000001' };
    if (kind === 'budget') await tiktok.setDailyBudget(t, account, ref, 7550);
    else await tiktok.setStatus(t, account, ref, 'PAUSED');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url.pathname).toBe(`/open_api/v1.3${path}`);
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual(body);
  });

  it('reports TikTok’s validation message as INVALID', async () => {
    const { ctx } = fakeTiktok(() => ({ body: { code: 40002, message: 'budget: Budget must be greater than or equal to 20.', request_id: 'r', data: {} } }));
    const ref = { accountId: account.externalId, level: 'campaign' as const, externalId: '1800000000000001' };
    await expect(createTiktokAdapter(ctx).setDailyBudget(t, account, ref, 500)).rejects.toMatchObject({ code: 'INVALID', message: expect.stringContaining('greater than or equal to 20') });
  });
});

describe('TikTok OAuth', () => {
  it('builds the authorization URL', () => {
    const { ctx } = fakeTiktok(() => ok({}));
    const url = createTiktokAdapter(ctx).authorizeUrl({ state: 's1', redirectUri: 'https://app.example/cb' });
    expect(url.origin + url.pathname).toBe('https://business-api.tiktok.com/portal/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({ app_id: '7000000000000000001', state: 's1', redirect_uri: 'https://app.example/cb' });
  });

  it('exchanges the auth code once, keeping the advertisers granted', async () => {
    const { ctx, seen } = fakeTiktok(() => ({ body: fixture('token') }));
    const set = await createTiktokAdapter(ctx).exchangeCode('AUTH1', 'https://app.example/cb');
    expect(set).toEqual({ accessToken: 'tt-long-term-token-example', refreshToken: null, expiresAt: null, refreshExpiresAt: null, scopes: ['4', '5', '6'], extra: { advertiserIds: '7100000000000000001,7100000000000000002' } });
    expect(seen[0]?.url.pathname).toBe('/open_api/v1.3/oauth2/access_token/');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ app_id: '7000000000000000001', secret: 'tt-secret', auth_code: 'AUTH1' });
  });

  it('does not send a used code again after a server error', async () => {
    const { ctx, seen } = fakeTiktok(() => ({ body: { code: 50000, message: 'System error', request_id: 'r', data: {} } }));
    await expect(createTiktokAdapter(ctx).exchangeCode('AUTH1', 'https://app.example/cb')).rejects.toMatchObject({ code: 'TRANSIENT' });
    expect(seen).toHaveLength(1);
  });
});

describe('TikTok endpoints', () => {
  it('moves each real host under its sandbox prefix', () => {
    expect(sandboxTiktokEndpoints('http://localhost:4010')).toEqual({
      api: 'http://localhost:4010/tiktok/business-api/open_api/v1.3',
      authorize: 'http://localhost:4010/tiktok/business-api/portal/auth',
      token: 'http://localhost:4010/tiktok/business-api/open_api/v1.3',
    });
  });
});

describe('TikTok input checks', () => {
  it.each([
    [{ state: '', redirectUri: 'https://app.example/cb' }],
    [{ state: 's', redirectUri: 'ftp://app.example/cb' }],
  ])('refuses to build an authorize URL from %o', (input) => {
    const { ctx } = fakeTiktok(() => ok({}));
    expect(() => createTiktokAdapter(ctx).authorizeUrl(input)).toThrow(/authorize URL/);
  });

  it('refuses a reversed date range before calling TikTok', async () => {
    const { ctx, seen } = fakeTiktok(() => ok({}));
    await expect(collect(createTiktokAdapter(ctx).dailyMetrics(t, account, { since: '2025-02-01', until: '2025-01-01' }))).rejects.toMatchObject({ code: 'INVALID' });
    expect(seen).toHaveLength(0);
  });
});
