import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server.js';
import { isPlatformError, type PlatformError } from '../errors.js';
import { consent } from '../testing/consent.js';
import type { AdAccount, AdapterContext, AdPlatform, DailyMetric, Entity, TokenSet } from '../types.js';
import { createGoogleAdapter } from './adapter.js';
import { sandboxGoogleEndpoints } from './endpoints.js';

/**
 * The adapter against the sandbox's Google Ads imitation, each written from the documentation
 * alone: OAuth, accounts, entities, the daily numbers against the world's truth, mutations,
 * and the faults the platform can throw at us.
 */
const credentials = { clientId: 'stratum-sandbox.apps.googleusercontent.com', clientSecret: 'sandbox-google-client-secret', developerToken: 'sandbox-developer-token' };
const redirectUri = 'http://127.0.0.1:3000/api/v1/oauth/google/callback';
const person = 'ahmed';

let sbx: RunningSandbox;
let google: AdPlatform;
let ctx: AdapterContext;
let tokens: TokenSet;
let jpy: AdAccount;
let kwd: AdAccount;

interface WorldAccountView {
  id: string;
  currency: string;
  time_zone: string;
  manager_id: string | null;
  owners: Array<{ id: string }>;
  today: string;
}
interface TruthRow {
  date: string;
  id?: string;
  level?: string;
  name?: string;
  spend_minor: number;
  impressions: number;
  clicks: number;
  purchases: number;
  revenue_minor: number;
  leads: number;
}

async function control<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(`${sbx.url}${path}`, {
    method: init?.method ?? 'GET',
    ...(init?.body !== undefined ? { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path} → ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}
// A rate limit's advertised wait is the fault's delay_ms; kept short so the test sleeps little.
const fault = (kind: string, extra: Record<string, unknown> = {}) =>
  control('/_sandbox/faults', { method: 'POST', body: { platform: 'google', kind, probability: 1, ...(kind === 'rate_limit' ? { delay_ms: 10 } : {}), ...extra } });
const clearFaults = () => control('/_sandbox/faults?platform=google', { method: 'DELETE' });

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
async function failure(p: Promise<unknown>): Promise<PlatformError> {
  const err = await p.then(() => null, (e: unknown) => e);
  if (!isPlatformError(err)) throw new Error(`expected a PlatformError, got ${err instanceof Error ? err.stack : String(err)}`);
  return err;
}
function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function perDay(rows: DailyMetric[]): Map<string, Omit<TruthRow, 'date'>> {
  const out = new Map<string, Omit<TruthRow, 'date'>>();
  for (const r of rows) {
    const d = out.get(r.date) ?? { spend_minor: 0, impressions: 0, clicks: 0, purchases: 0, revenue_minor: 0, leads: 0 };
    d.spend_minor += r.spendMinor;
    d.impressions += r.impressions;
    d.clicks += r.clicks;
    d.purchases += r.purchases;
    d.revenue_minor += r.revenueMinor;
    d.leads += r.leads;
    out.set(r.date, d);
  }
  return out;
}
const sortRows = (rows: DailyMetric[]) => [...rows].sort((a, b) => `${a.date}${a.adExternalId}`.localeCompare(`${b.date}${b.adExternalId}`));
const withoutRaw = <T extends { raw: unknown }>(rows: T[]) => rows.map(({ raw: _raw, ...rest }) => rest);

async function authorize(as: string): Promise<TokenSet> {
  const url = google.authorizeUrl({ state: `st-${as}`, redirectUri });
  const back = await consent(url, { person: as });
  const code = back.searchParams.get('code');
  expect(back.searchParams.get('state')).toBe(`st-${as}`);
  expect(code).toBeTruthy();
  return google.exchangeCode(code ?? '', redirectUri);
}

beforeAll(async () => {
  sbx = await startSandbox({ host: '127.0.0.1', port: 0 });
  ctx = { endpoints: sandboxGoogleEndpoints(sbx.url), credentials, attempts: 8, maxBackoffMs: 20, timeoutMs: 3_000 };
  google = createGoogleAdapter(ctx);
  const make = (name: string, currency: string, time_zone: string, seed: number) =>
    control<WorldAccountView>('/_sandbox/accounts', {
      method: 'POST',
      body: { platform: 'google', name, currency, time_zone, owner: person, campaigns: 3, ad_sets_per_campaign: 2, ads_per_ad_set: 2, seed, start_date: '2024-01-01' },
    });
  const [a, b] = [await make('Contract JPY', 'JPY', 'Asia/Tokyo', 41), await make('Contract KWD', 'KWD', 'Asia/Kuwait', 12)];
  const view = (v: WorldAccountView, name: string): AdAccount => ({ externalId: v.id, name, currency: v.currency, timeZone: v.time_zone, status: 'active', spendLast30dMinor: null, managerId: v.manager_id });
  jpy = view(a, 'Contract JPY');
  kwd = view(b, 'Contract KWD');
});
afterEach(async () => {
  await clearFaults();
});
afterAll(async () => {
  await sbx?.close();
});

describe('Google Ads adapter against the sandbox', () => {
  it('authorizes, exchanges the code for an offline grant, and refreshes', async () => {
    tokens = await authorize(person);
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt).not.toBeNull();
    const fresh = await google.refresh(tokens);
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    expect(fresh.refreshToken).toBe(tokens.refreshToken);
    tokens = fresh;
  });

  it('a denied consent comes back to the callback with the platform error', async () => {
    const back = await consent(google.authorizeUrl({ state: 'st-deny', redirectUri }), { person, decision: 'deny' });
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-deny');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it.each(['ahmed', 'lina'])('lists the accounts %s reaches, with the manager they are reached through', async (who) => {
    const t = who === person ? tokens : await authorize(who);
    const accounts = await google.listAdAccounts(t);
    const world = (await control<WorldAccountView[]>('/_sandbox/accounts?platform=google')).filter((a) => a.owners.some((o) => o.id === who));
    expect(accounts.map((a) => [a.externalId, a.managerId, a.currency, a.timeZone]).sort()).toEqual(world.map((a) => [a.id, a.manager_id, a.currency, a.time_zone]).sort());
    const viaManager = accounts.find((a) => a.managerId !== null);
    if (viaManager) {
      // Reached through a manager: readable with login-customer-id, refused without it (§3A).
      expect((await collect(google.entities(t, viaManager))).length).toBeGreaterThan(0);
      expect((await failure(collect(google.entities(t, { ...viaManager, managerId: null })))).code).toBe('PERMISSION_DENIED');
    }
  });

  it('reads campaigns, ad groups and ads, parents first, as many as the world holds', async () => {
    const entities = await collect(google.entities(tokens, jpy));
    const levels = entities.map((e) => e.level);
    expect(levels.lastIndexOf('campaign')).toBeLessThan(levels.indexOf('ad_set'));
    expect(levels.lastIndexOf('ad_set')).toBeLessThan(levels.indexOf('ad'));
    for (const level of ['campaign', 'ad_set', 'ad'] as const) {
      const world = await control<Array<{ id: string; status: string }>>(`/_sandbox/accounts/google/${jpy.externalId}/entities?level=${level}`);
      const ours = entities.filter((e) => e.level === level);
      expect(ours.map((e) => e.externalId).sort()).toEqual(world.map((w) => w.id).sort());
      expect(ours.map((e) => `${e.externalId}:${e.status}`).sort()).toEqual(world.map((w) => `${w.id}:${w.status}`).sort());
    }
    const ids = new Set(entities.map((e) => e.externalId));
    expect(entities.filter((e) => e.parentExternalId !== null).every((e) => ids.has(e.parentExternalId ?? ''))).toBe(true);
  });

  it.each([
    ['JPY', () => jpy, true],
    ['KWD', () => kwd, false],
  ])('30 days of ad-level rows add up, per day, to the world truth (%s)', async (_c, account, hasLeads) => {
    const acct = account();
    // Today is still delivering between our read and the truth's: the 30 full days before it.
    const until = addDays((await control<WorldAccountView>(`/_sandbox/accounts/google/${acct.externalId}`)).today, -1);
    const since = addDays(until, -29);
    const rows = await collect(google.dailyMetrics(tokens, acct, { since, until }));
    const truth = await control<{ rows: TruthRow[] }>(`/_sandbox/accounts/google/${acct.externalId}/report?since=${since}&until=${until}&level=account`);
    const ours = perDay(rows);
    expect(truth.rows.length).toBeGreaterThan(20);
    for (const t of truth.rows) {
      const { date, id: _id, level: _level, name: _name, ...numbers } = t;
      expect({ date, ...ours.get(date) }).toEqual({ date, ...numbers });
    }
    expect([...ours.keys()].filter((d) => !truth.rows.some((t) => t.date === d) && (ours.get(d)?.impressions ?? 0) > 0)).toEqual([]);
    // The JPY seed has sales and lead campaigns delivering: both conversion mappings are exercised.
    if (hasLeads) expect(rows.some((r) => r.leads > 0) && rows.some((r) => r.purchases > 0)).toBe(true);
  });

  it('retries rate limits, 5xx and cut-off pages, and reads exactly what a clean read reads', async () => {
    const clean = await collect(google.entities(tokens, kwd));
    for (const kind of ['rate_limit', 'server_error', 'malformed']) {
      await fault(kind, { count: 2 });
      expect(withoutRaw(await collect(google.entities(tokens, kwd)))).toEqual(withoutRaw(clean));
      await clearFaults();
    }
  });

  it('a slow answer past the timeout is retried', async () => {
    const slowCtx = createGoogleAdapter({ ...ctx, timeoutMs: 200 });
    const clean = await collect(slowCtx.entities(tokens, kwd));
    await fault('slow', { count: 1, delay_ms: 500 });
    expect(withoutRaw(await collect(slowCtx.entities(tokens, kwd)))).toEqual(withoutRaw(clean));
  });

  it('with 20% mixed retryable faults a full read returns the same rows', async () => {
    const until = addDays((await control<WorldAccountView>(`/_sandbox/accounts/google/${jpy.externalId}`)).today, -1);
    const range = { since: addDays(until, -29), until };
    const cleanEntities = withoutRaw(await collect(google.entities(tokens, jpy)));
    const cleanRows = withoutRaw(sortRows(await collect(google.dailyMetrics(tokens, jpy, range))));
    for (const kind of ['rate_limit', 'server_error', 'malformed']) await fault(kind, { probability: 0.2 });
    expect(withoutRaw(await collect(google.entities(tokens, jpy)))).toEqual(cleanEntities);
    expect(withoutRaw(sortRows(await collect(google.dailyMetrics(tokens, jpy, range))))).toEqual(cleanRows);
  });

  it.each(['expired_token', 'revoked_token'])('%s → AUTH_EXPIRED', async (kind) => {
    // The sandbox really revokes a token it reports revoked: this test spends its own grant.
    const own = await authorize(person);
    await fault(kind, { count: 1 });
    const err = await failure(collect(google.entities(own, kwd)));
    expect(err.code).toBe('AUTH_EXPIRED');
  });

  it('an access token expired in the world is AUTH_EXPIRED; refreshing gets a working one', async () => {
    const t = await google.refresh(tokens);
    await control('/_sandbox/tokens/expire', { method: 'POST', body: { platform: 'google', token: t.accessToken } });
    expect((await failure(google.listAdAccounts(t))).code).toBe('AUTH_EXPIRED');
    const again = await google.refresh(t);
    expect((await google.listAdAccounts(again)).length).toBeGreaterThan(0);
  });

  it('changes a campaign budget and statuses; a later read shows them and the sandbox saw the mutations', async () => {
    const before = await collect(google.entities(tokens, kwd));
    const campaign = before.find((e) => e.level === 'campaign' && e.dailyBudgetMinor !== null) as Entity;
    const adGroup = before.find((e) => e.level === 'ad_set' && e.status === 'ACTIVE') as Entity;
    expect(campaign).toBeDefined();
    const budget = (campaign.dailyBudgetMinor ?? 0) + 12_345;
    await google.setDailyBudget(tokens, kwd, { accountId: kwd.externalId, level: 'campaign', externalId: campaign.externalId }, budget);
    await google.setStatus(tokens, kwd, { accountId: kwd.externalId, level: 'campaign', externalId: campaign.externalId }, 'PAUSED');
    await google.setStatus(tokens, kwd, { accountId: kwd.externalId, level: 'ad_set', externalId: adGroup.externalId }, 'PAUSED');
    const after = await collect(google.entities(tokens, kwd));
    expect(after.find((e) => e.externalId === campaign.externalId)).toMatchObject({ dailyBudgetMinor: budget, status: 'PAUSED' });
    expect(after.find((e) => e.externalId === adGroup.externalId)).toMatchObject({ status: 'PAUSED' });
    const seen = await control<Array<Record<string, unknown>>>('/_sandbox/inspect/mutations?platform=google');
    expect(seen.length).toBeGreaterThanOrEqual(3);
    await google.setStatus(tokens, kwd, { accountId: kwd.externalId, level: 'campaign', externalId: campaign.externalId }, 'ACTIVE');
    expect((await collect(google.entities(tokens, kwd))).find((e) => e.externalId === campaign.externalId)?.status).toBe('ACTIVE');
  });

  it('ad groups have no budget: INVALID before any request', async () => {
    const err = await failure(google.setDailyBudget(tokens, kwd, { accountId: kwd.externalId, level: 'ad_set', externalId: '1' }, 1000));
    expect(err.code).toBe('INVALID');
  });

  it('a revoked refresh token cannot be refreshed', async () => {
    const t = await authorize(person);
    await control('/_sandbox/tokens/revoke', { method: 'POST', body: { platform: 'google', token: t.refreshToken } });
    expect((await failure(google.refresh(t))).code).toBe('AUTH_EXPIRED');
  });
});
