import { describe, expect, it } from 'vitest';
import { collect, failure } from '../testing/contract-support.js';
import { fakeFetch, json, type Route, type SeenRequest } from '../testing/fake-fetch.js';
import { fixtureReader } from '../testing/fixtures.js';
import type { AdAccount, AdapterContext, TokenSet } from '../types.js';
import { createSnapchatAdapter } from './adapter.js';
import { sandboxSnapchatEndpoints } from './endpoints.js';

const fixture = fixtureReader<Record<string, unknown>>(import.meta.url);

/** What no route answers: Snapchat's own 404 envelope. */
const fake = (routes: Route[]) => fakeFetch(routes, () => json(fixture('error-404'), 404));
const get = (path: string, answer: (req: SeenRequest) => Response): Route => (req) => (req.method === 'GET' && req.url.pathname.endsWith(path) ? answer(req) : undefined);

const ctxWith = (fetch: typeof globalThis.fetch, extra: Partial<AdapterContext> = {}): AdapterContext => ({
  endpoints: sandboxSnapchatEndpoints('http://sbx.test'),
  credentials: { clientId: 'snap-client', clientSecret: 'snap-secret' },
  fetch,
  attempts: 3,
  maxBackoffMs: 5,
  ...extra,
});
const token: TokenSet = { accessToken: 'snap-at', refreshToken: 'snap-rt', expiresAt: null, refreshExpiresAt: null, scopes: [], extra: {} };
const account: AdAccount = {
  externalId: '8adc3db7-8148-4fbf-999c-8d2266369d74',
  name: 'Midas KSA',
  currency: 'SAR',
  timeZone: 'Asia/Riyadh',
  status: 'active',
  spendLast30dMinor: null,
  managerId: null,
};

describe('oauth', () => {
  it('builds the authorize URL', () => {
    const url = createSnapchatAdapter(ctxWith(fake([]).fetch)).authorizeUrl({ state: 'st', redirectUri: 'https://app.test/cb' });
    expect(url.origin + url.pathname).toBe('http://sbx.test/snapchat/accounts/login/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: 'snap-client', redirect_uri: 'https://app.test/cb', response_type: 'code', scope: 'snapchat-marketing-api', state: 'st' });
  });

  it('exchanges and refreshes with the form the token endpoint expects', async () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const { fetch, seen } = fake([(r) => json(fixture(new URLSearchParams(r.body).get('grant_type') === 'refresh_token' ? 'token-refresh' : 'token-exchange'))]);
    const snap = createSnapchatAdapter(ctxWith(fetch, { now: () => now }));
    const t = await snap.exchangeCode('c0de', 'https://app.test/cb');
    expect(t).toMatchObject({ refreshToken: 'hCgwKCjE2OTk5OTk5OTkSDGV4YW1wbGUtcmVmcmVzaA', scopes: ['snapchat-marketing-api'] });
    expect(t.expiresAt?.toISOString()).toBe('2025-01-01T00:30:00.000Z');
    expect(seen[0]?.url.pathname).toBe('/snapchat/accounts/login/oauth2/access_token');
    expect(Object.fromEntries(new URLSearchParams(seen[0]?.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'c0de',
      redirect_uri: 'https://app.test/cb',
      client_id: 'snap-client',
      client_secret: 'snap-secret',
    });
    const r = await snap.refresh(t);
    expect(r.refreshToken).toBe('hCgwKCjE3MDAwMDAwMDASDGV4YW1wbGUtcm90YXRlZA');
  });

  it('a revoked refresh token is AUTH_EXPIRED', async () => {
    const { fetch } = fake([() => json(fixture('oauth-invalid-grant'), 400)]);
    expect((await failure(createSnapchatAdapter(ctxWith(fetch)).refresh(token))).code).toBe('AUTH_EXPIRED');
  });
});

describe('reads', () => {
  it('lists ad accounts of every organization', async () => {
    const { fetch, seen } = fake([get('/me/organizations', () => json(fixture('organizations'))), get('/adaccounts', () => json(fixture('adaccounts')))]);
    const accounts = await createSnapchatAdapter(ctxWith(fetch)).listAdAccounts(token);
    expect(accounts.map((a) => a.externalId)).toEqual(['8adc3db7-8148-4fbf-999c-8d2266369d74', '1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b']);
    expect(seen[1]?.url.pathname).toBe('/snapchat/adsapi/v1/organizations/40d6719b-da09-410b-9185-0cc9c0dfed1d/adaccounts');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer snap-at');
  });

  it('streams campaigns (two pages), squads, ads; follows the cursor on our host; leaves out orphans', async () => {
    const { fetch, seen } = fake([
      get('/campaigns', (r) => json(fixture(r.url.searchParams.get('cursor') ? 'campaigns-page2' : 'campaigns-page1'))),
      get('/adsquads', () => json(fixture('adsquads'))),
      get('/ads', () => json(fixture('ads'))),
    ]);
    const out = await collect(createSnapchatAdapter(ctxWith(fetch)).entities(token, account));
    expect(out.map((e) => e.level)).toEqual(['campaign', 'campaign', 'ad_set', 'ad', 'ad']);
    expect(out[3]).toMatchObject({ campaignExternalId: '6cf25572-048b-4447-95d1-eb47032e3e2f' });
    expect(seen[1]?.url.href).toBe('http://sbx.test/snapchat/adsapi/v1/adaccounts/8adc3db7-8148-4fbf-999c-8d2266369d74/campaigns?cursor=CnEKFgoJY3JlYXRlZEF0&limit=1000');
    expect(seen[0]?.url.searchParams.get('limit')).toBe('1000');
  });

  it('a next_link that points back to the same page stops the read', async () => {
    const loop = { ...fixture('campaigns-page2'), paging: { next_link: 'http://x/v1/adaccounts/a/campaigns?limit=1000' } };
    const { fetch } = fake([get('/campaigns', () => json(loop))]);
    const err = await failure(collect(createSnapchatAdapter(ctxWith(fetch)).entities(token, account)));
    expect(err.message).toMatch(/repeats/);
  });

  it('asks for DAY stats broken down by ad, from local midnight to local midnight, in 3-day slices', async () => {
    const { fetch, seen } = fake([get('/stats', (r) => json(r.url.searchParams.get('start_time')?.startsWith('2025-01-01') ? fixture('stats-breakdown-ad') : { request_status: 'SUCCESS', timeseries_stats: [] }))]);
    const rows = await collect(createSnapchatAdapter(ctxWith(fetch)).dailyMetrics(token, account, { since: '2025-01-01', until: '2025-01-09' }));
    expect(seen.map((r) => [r.url.searchParams.get('start_time'), r.url.searchParams.get('end_time')])).toEqual([
      ['2025-01-01T00:00:00.000+03:00', '2025-01-04T00:00:00.000+03:00'],
      ['2025-01-04T00:00:00.000+03:00', '2025-01-07T00:00:00.000+03:00'],
      ['2025-01-07T00:00:00.000+03:00', '2025-01-10T00:00:00.000+03:00'],
    ]);
    expect(Object.fromEntries(seen[0]!.url.searchParams)).toMatchObject({
      granularity: 'DAY',
      breakdown: 'ad',
      fields: 'impressions,swipes,spend,conversion_purchases,conversion_purchases_value,conversion_sign_ups',
    });
    expect(rows).toHaveLength(4);
    expect(rows.reduce((s, r) => s + r.spendMinor, 0)).toBe(1500 + 1123 + 0 + 0);
  });

  it('retries 429, 5xx and cut-off pages and reads the same rows', async () => {
    let n = 0;
    const { fetch } = fake([
      () => {
        n += 1;
        if (n === 1) return json(fixture('error-429'), 429);
        if (n === 2) return json(fixture('error-500'), 500);
        if (n === 3) return json(JSON.stringify(fixture('stats-breakdown-ad')).slice(0, 200));
        return undefined;
      },
      get('/stats', () => json(fixture('stats-breakdown-ad'))),
    ]);
    const rows = await collect(createSnapchatAdapter(ctxWith(fetch, { attempts: 4 })).dailyMetrics(token, account, { since: '2025-01-01', until: '2025-01-02' }));
    expect(rows).toHaveLength(4);
  });

  it('an expired token is AUTH_EXPIRED at once', async () => {
    const { fetch, seen } = fake([() => json(fixture('error-401-detailed'), 401)]);
    expect((await failure(collect(createSnapchatAdapter(ctxWith(fetch)).entities(token, account)))).code).toBe('AUTH_EXPIRED');
    expect(seen).toHaveLength(1);
  });

  it('pixelQuality is empty on Snapchat', async () => {
    expect(await createSnapchatAdapter(ctxWith(fake([]).fetch)).pixelQuality(token, account)).toEqual([]);
  });
});

describe('mutations', () => {
  const campaign = fixture('campaigns-page1').campaigns;
  const squads = fixture('adsquads').adsquads as unknown[];

  it('pauses a campaign by writing the whole object back without read-only fields', async () => {
    const { fetch, seen } = fake([
      get('/campaigns/6cf25572-048b-4447-95d1-eb47032e3e2f', () => json({ request_status: 'SUCCESS', campaigns: campaign })),
      (r) => (r.method === 'PUT' ? json(fixture('mutate-campaign')) : undefined),
    ]);
    await createSnapchatAdapter(ctxWith(fetch)).setStatus(token, account, { accountId: account.externalId, level: 'campaign', externalId: '6cf25572-048b-4447-95d1-eb47032e3e2f' }, 'PAUSED');
    const put = seen[1]!;
    expect(put.url.pathname).toBe('/snapchat/adsapi/v1/adaccounts/8adc3db7-8148-4fbf-999c-8d2266369d74/campaigns');
    const sent = (JSON.parse(put.body) as { campaigns: Array<Record<string, unknown>> }).campaigns[0]!;
    expect(sent).toMatchObject({ id: '6cf25572-048b-4447-95d1-eb47032e3e2f', status: 'PAUSED', name: 'Spring sale', start_time: '2025-01-01T00:00:00.000Z', daily_budget_micro: 100_000_000 });
    expect(sent).not.toHaveProperty('updated_at');
    expect(sent).not.toHaveProperty('delivery_status');
  });

  it.each([
    ['SAR', 12_345, 123_450_000],
    ['JPY', 5_000, 5_000_000_000],
    ['KWD', 20_500, 20_500_000],
  ])('sets an ad squad budget in %s: %i minor → %i micro, PUT under its campaign', async (currency, minor, micro) => {
    const { fetch, seen } = fake([
      get('/adsquads/23f8a4c1-1b2c-4d3e-8f90-a1b2c3d4e5f6', () => json({ request_status: 'SUCCESS', adsquads: [squads[0]] })),
      (r) => (r.method === 'PUT' ? json({ request_status: 'SUCCESS', adsquads: [squads[0]] }) : undefined),
    ]);
    await createSnapchatAdapter(ctxWith(fetch)).setDailyBudget(token, { ...account, currency }, { accountId: account.externalId, level: 'ad_set', externalId: '23f8a4c1-1b2c-4d3e-8f90-a1b2c3d4e5f6' }, minor);
    expect(seen[1]?.url.pathname).toBe('/snapchat/adsapi/v1/campaigns/6cf25572-048b-4447-95d1-eb47032e3e2f/adsquads');
    expect((JSON.parse(seen[1]!.body) as { adsquads: Array<Record<string, unknown>> }).adsquads[0]).toMatchObject({ daily_budget_micro: micro, campaign_id: '6cf25572-048b-4447-95d1-eb47032e3e2f' });
  });

  it('a rejected item is INVALID with Snapchat’s reason', async () => {
    const { fetch } = fake([
      get('/adsquads/23f8a4c1-1b2c-4d3e-8f90-a1b2c3d4e5f6', () => json({ request_status: 'SUCCESS', adsquads: [squads[0]] })),
      (r) => (r.method === 'PUT' ? json(fixture('mutate-item-error')) : undefined),
    ]);
    const err = await failure(createSnapchatAdapter(ctxWith(fetch)).setDailyBudget(token, account, { accountId: '', level: 'ad_set', externalId: '23f8a4c1-1b2c-4d3e-8f90-a1b2c3d4e5f6' }, 100));
    expect(err).toMatchObject({ code: 'INVALID' });
    expect(err.message).toMatch(/at least 5.00 USD/);
  });

  it('an unknown campaign is NOT_FOUND; a bad id never reaches the network', async () => {
    const { fetch, seen } = fake([]);
    const snap = createSnapchatAdapter(ctxWith(fetch));
    expect((await failure(snap.setStatus(token, account, { accountId: '', level: 'campaign', externalId: '00000000-0000-4000-8000-000000000000' }, 'ACTIVE'))).code).toBe('NOT_FOUND');
    expect((await failure(snap.setStatus(token, account, { accountId: '', level: 'campaign', externalId: '../me' }, 'ACTIVE'))).code).toBe('INVALID');
    expect(seen).toHaveLength(1);
  });
});
