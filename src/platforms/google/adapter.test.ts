import { describe, expect, it } from 'vitest';
import { collect, failure } from '../testing/contract-support.js';
import { fakeFetch, json, type Route, type SeenRequest } from '../testing/fake-fetch.js';
import { fixtureReader } from '../testing/fixtures.js';
import type { AdAccount, AdapterContext, Entity, TokenSet } from '../types.js';
import { createGoogleAdapter } from './adapter.js';
import { realGoogleEndpoints, sandboxGoogleEndpoints } from './endpoints.js';

const fixture = fixtureReader(import.meta.url);

/** What no route answers: Google's own 404 envelope. */
const fake = (routes: Route[]) =>
  fakeFetch(routes, (req) => json({ error: { code: 404, message: `no route for ${req.method} ${req.url.pathname}`, status: 'NOT_FOUND' } }, 404));

const queryOf = (req: SeenRequest): { query: string; pageToken?: string } => JSON.parse(req.body) as { query: string; pageToken?: string };
const searching = (what: RegExp, answer: (req: SeenRequest) => Response): Route => (req) =>
  req.url.pathname.endsWith('googleAds:search') && what.test(queryOf(req).query) ? answer(req) : undefined;

function ctxWith(fetch: typeof globalThis.fetch, extra: Partial<AdapterContext> = {}): AdapterContext {
  return { endpoints: sandboxGoogleEndpoints('http://sbx.test/'), credentials: { clientId: 'cid', clientSecret: 'secret' }, fetch, attempts: 3, maxBackoffMs: 5, ...extra };
}
const token: TokenSet = { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: null, refreshExpiresAt: null, scopes: [], extra: {} };
const account: AdAccount = { externalId: '1234567890', name: 'Midas', currency: 'SAR', timeZone: 'Asia/Riyadh', status: 'active', spendLast30dMinor: null, managerId: '5550001111' };

describe('endpoints', () => {
  it('maps the sandbox prefixes', () => {
    expect(sandboxGoogleEndpoints('http://localhost:9/')).toEqual({
      api: 'http://localhost:9/google/ads/v23',
      authorize: 'http://localhost:9/google/accounts/o/oauth2/v2/auth',
      token: 'http://localhost:9/google/oauth2/token',
    });
    expect(realGoogleEndpoints.api).toBe('https://googleads.googleapis.com/v23');
  });
});

describe('oauth', () => {
  it('asks for offline access with consent, and PKCE when given', () => {
    const url = createGoogleAdapter(ctxWith(fake([]).fetch)).authorizeUrl({ state: 's1', redirectUri: 'https://app.test/cb', codeChallenge: 'abc' });
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'cid',
      redirect_uri: 'https://app.test/cb',
      response_type: 'code',
      scope: 'https://www.googleapis.com/auth/adwords',
      access_type: 'offline',
      prompt: 'consent',
      state: 's1',
      code_challenge: 'abc',
      code_challenge_method: 'S256',
    });
  });

  it('exchanges a code and refreshes, keeping the refresh token', async () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const { fetch, seen } = fake([(r) => (new URLSearchParams(r.body).get('grant_type') === 'authorization_code' ? json(fixture('token-exchange')) : json(fixture('token-refresh')))]);
    const g = createGoogleAdapter(ctxWith(fetch, { now: () => now }));
    const t = await g.exchangeCode('code-1', 'https://app.test/cb', 'verifier-1');
    expect(t).toMatchObject({ accessToken: 'ya29.a0AfH6SMBexampleAccessToken', refreshToken: '1//0gExampleRefreshToken', scopes: ['https://www.googleapis.com/auth/adwords'] });
    expect(t.expiresAt?.toISOString()).toBe('2025-01-01T00:59:59.000Z');
    expect(Object.fromEntries(new URLSearchParams(seen[0]?.body))).toMatchObject({ code: 'code-1', code_verifier: 'verifier-1', client_secret: 'secret', redirect_uri: 'https://app.test/cb' });
    const r = await g.refresh(t);
    expect(r).toMatchObject({ accessToken: 'ya29.a0AfH6SMBrefreshedAccessToken', refreshToken: '1//0gExampleRefreshToken' });
  });

  it('a revoked grant is AUTH_EXPIRED', async () => {
    const { fetch } = fake([() => json(fixture('oauth-invalid-grant'), 400)]);
    expect((await failure(createGoogleAdapter(ctxWith(fetch)).refresh(token))).code).toBe('AUTH_EXPIRED');
  });
});

describe('listAdAccounts', () => {
  it('lists direct customers and the clients of managers, through the manager', async () => {
    const { fetch, seen } = fake([
      (r) => (r.url.pathname.endsWith('customers:listAccessibleCustomers') ? json(fixture('list-accessible-customers')) : undefined),
      searching(/FROM customer_client/, () => json(fixture('search-customer-clients'))),
      searching(/FROM customer$/, (r) => json(fixture(r.url.pathname.includes('/5550001111/') ? 'search-customer-manager' : 'search-customer-direct'))),
    ]);
    const accounts = await createGoogleAdapter(ctxWith(fetch, { credentials: { clientId: 'c', clientSecret: 's', developerToken: 'dev-tok' } })).listAdAccounts(token);
    expect(accounts.map((a) => [a.externalId, a.managerId])).toEqual([
      ['1234567890', null],
      ['7778889990', '5550001111'],
      ['3334445556', '5550001111'],
    ]);
    const clientsCall = seen.find((r) => r.body.includes('customer_client'));
    expect(clientsCall?.headers.get('login-customer-id')).toBe('5550001111');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer at-1');
    expect(seen[0]?.headers.get('developer-token')).toBe('dev-tok');
  });
});

describe('entities', () => {
  it('pages through campaigns, then ad groups, then ads, leaving out orphans', async () => {
    const { fetch, seen } = fake([
      searching(/FROM campaign /, (r) => json(fixture(queryOf(r).pageToken === 'CPnF5-token-page-2' ? 'search-campaigns-page2' : 'search-campaigns-page1'))),
      searching(/FROM ad_group /, () => json(fixture('search-ad-groups'))),
      searching(/FROM ad_group_ad /, () => json(fixture('search-ads'))),
    ]);
    const out: Entity[] = await collect(createGoogleAdapter(ctxWith(fetch)).entities(token, account));
    expect(out.map((e) => `${e.level}:${e.externalId}`)).toEqual(['campaign:111', 'campaign:112', 'ad_set:222', 'ad:333', 'ad:334']);
    expect(out[1]).toMatchObject({ dailyBudgetMinor: 12050, status: 'PAUSED' });
    expect(seen.every((r) => r.headers.get('login-customer-id') === '5550001111')).toBe(true);
    expect(seen.map((r) => r.url.pathname)).toContain('/google/ads/v23/customers/1234567890/googleAds:search');
  });

  it('an empty account yields nothing', async () => {
    const { fetch } = fake([searching(/./, () => json(fixture('search-empty')))]);
    expect(await collect(createGoogleAdapter(ctxWith(fetch)).entities(token, account))).toEqual([]);
  });

  it('a page token handed out twice stops the read instead of looping', async () => {
    const { fetch } = fake([searching(/./, () => json(fixture('search-campaigns-page1')))]);
    const err = await failure(collect(createGoogleAdapter(ctxWith(fetch)).entities(token, account)));
    expect(err.message).toMatch(/page token repeated/);
  });

  it('retries a 5xx and a cut-off page, and reads the same rows', async () => {
    let calls = 0;
    const { fetch } = fake([
      () => {
        calls += 1;
        if (calls === 1) return json(fixture('error-unavailable'), 503);
        if (calls === 2) return json(JSON.stringify(fixture('search-campaigns-page1')).slice(0, 50));
        if (calls === 3) return json(fixture('error-quota'), 429, { 'retry-after': '0' });
        return undefined;
      },
      searching(/FROM campaign /, (r) => json(fixture(queryOf(r).pageToken ? 'search-campaigns-page2' : 'search-campaigns-page1'))),
      searching(/./, () => json(fixture('search-empty'))),
    ]);
    const out = await collect(createGoogleAdapter(ctxWith(fetch, { attempts: 4 })).entities(token, account));
    expect(out.map((e) => e.externalId)).toEqual(['111', '112']);
  });

  it('an expired token surfaces as AUTH_EXPIRED without retries', async () => {
    const { fetch, seen } = fake([() => json(fixture('error-token-expired'), 401)]);
    expect((await failure(collect(createGoogleAdapter(ctxWith(fetch)).entities(token, account)))).code).toBe('AUTH_EXPIRED');
    expect(seen).toHaveLength(1);
  });

  it('a bad account is INVALID when read', async () => {
    const { fetch } = fake([]);
    const err = await failure(collect(createGoogleAdapter(ctxWith(fetch)).entities(token, { ...account, externalId: "1 OR 1=1" })));
    expect(err.code).toBe('INVALID');
  });
});

describe('dailyMetrics', () => {
  it('slices the range by 3 days and queries delivery and conversions per slice', async () => {
    const { fetch, seen } = fake([
      searching(/metrics\.cost_micros/, (r) => json(queryOf(r).query.includes("'2025-01-01'") ? fixture('search-delivery') : fixture('search-empty'))),
      searching(/conversion_action_category/, (r) => json(queryOf(r).query.includes("'2025-01-01'") ? fixture('search-conversions') : fixture('search-empty'))),
    ]);
    const rows = await collect(createGoogleAdapter(ctxWith(fetch)).dailyMetrics(token, account, { since: '2025-01-01', until: '2025-01-10' }));
    const queries = seen.map((r) => queryOf(r).query);
    expect(queries).toHaveLength(8);
    expect(queries[0]).toContain("segments.date BETWEEN '2025-01-01' AND '2025-01-03'");
    expect(queries[2]).toContain("segments.date BETWEEN '2025-01-04' AND '2025-01-06'");
    expect(queries[6]).toContain("segments.date BETWEEN '2025-01-10' AND '2025-01-10'");
    expect(rows).toHaveLength(4);
    expect(rows.reduce((s, r) => s + r.spendMinor, 0)).toBe(1235 + 0 + 50 + 0);
  });

  it('refuses a reversed range', async () => {
    const { fetch } = fake([]);
    const err = await failure(collect(createGoogleAdapter(ctxWith(fetch)).dailyMetrics(token, account, { since: '2025-02-01', until: '2025-01-01' })));
    expect(err.code).toBe('INVALID');
  });
});

describe('mutations', () => {
  const budgetRow = (shared: boolean) => ({
    results: [{ campaign: { id: '111', campaignBudget: 'customers/1234567890/campaignBudgets/555' }, campaignBudget: { amountMicros: '75000000', explicitlyShared: shared } }],
  });

  it('sets a campaign budget on its budget resource, in micros', async () => {
    const { fetch, seen } = fake([
      searching(/WHERE campaign.id = 111/, () => json(budgetRow(false))),
      (r) => (r.url.pathname.endsWith('campaignBudgets:mutate') ? json(fixture('mutate-budget')) : undefined),
    ]);
    await createGoogleAdapter(ctxWith(fetch)).setDailyBudget(token, { ...account, currency: 'KWD' }, { accountId: '1234567890', level: 'campaign', externalId: '111' }, 12_345);
    const body = JSON.parse(seen[1]?.body ?? '{}') as unknown;
    expect(body).toMatchObject({ operations: [{ update: { resourceName: 'customers/1234567890/campaignBudgets/555', amountMicros: '12345000' }, updateMask: 'amount_micros' }] });
  });

  it('refuses a budget shared with other campaigns', async () => {
    const { fetch } = fake([
      searching(/WHERE campaign.id = 111/, () => json(budgetRow(true))),
      searching(/campaign.campaign_budget = /, () => json({ results: [{ campaign: { id: '111' } }, { campaign: { id: '112' } }] })),
    ]);
    const err = await failure(createGoogleAdapter(ctxWith(fetch)).setDailyBudget(token, account, { accountId: '1', level: 'campaign', externalId: '111' }, 5000));
    expect(err).toMatchObject({ code: 'INVALID' });
    expect(err.message).toMatch(/shared by 2 campaigns/);
  });

  it('ad groups have no budget on Google', async () => {
    const err = await failure(createGoogleAdapter(ctxWith(fake([]).fetch)).setDailyBudget(token, account, { accountId: '1', level: 'ad_set', externalId: '222' }, 5000));
    expect(err.code).toBe('INVALID');
    expect(err.message).toMatch(/ad groups have no budget/);
  });

  it('an unknown campaign is NOT_FOUND', async () => {
    const { fetch } = fake([searching(/./, () => json(fixture('search-empty')))]);
    const err = await failure(createGoogleAdapter(ctxWith(fetch)).setDailyBudget(token, account, { accountId: '1', level: 'campaign', externalId: '404' }, 5000));
    expect(err.code).toBe('NOT_FOUND');
  });

  it.each([
    ['campaign', 'campaigns', 'ACTIVE', 'ENABLED'],
    ['ad_set', 'adGroups', 'PAUSED', 'PAUSED'],
  ] as const)('sets the status of a %s through %s:mutate', async (level, service, status, sent) => {
    const { fetch, seen } = fake([(r) => (r.url.pathname.endsWith(`${service}:mutate`) ? json({ results: [{}] }) : undefined)]);
    await createGoogleAdapter(ctxWith(fetch)).setStatus(token, account, { accountId: '1', level, externalId: '222' }, status);
    expect(JSON.parse(seen[0]?.body ?? '{}')).toMatchObject({ operations: [{ update: { resourceName: `customers/1234567890/${service}/222`, status: sent }, updateMask: 'status' }] });
  });

  it('a partial failure is INVALID with the platform message', async () => {
    const { fetch } = fake([(r) => (r.url.pathname.endsWith(':mutate') ? json(fixture('mutate-partial-failure')) : undefined)]);
    const err = await failure(createGoogleAdapter(ctxWith(fetch)).setStatus(token, account, { accountId: '1', level: 'campaign', externalId: '111' }, 'PAUSED'));
    expect(err.message).toMatch(/below the minimum/);
  });
});
