import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server.js';
import { isPlatformError, type PlatformError } from '../errors.js';
import { consent } from '../testing/consent.js';
import type { AdAccount, AdapterContext, AdPlatform, DailyMetric, Entity, TokenSet } from '../types.js';
import { createSnapchatAdapter } from './adapter.js';
import { sandboxSnapchatEndpoints } from './endpoints.js';

/**
 * The adapter against the sandbox's Snapchat imitation, each written from the documentation
 * alone: OAuth, accounts, entities, the daily numbers against the world's truth, mutations,
 * and the faults the platform can throw at us.
 */
const credentials = { clientId: 'stratum-sandbox-snapchat-client', clientSecret: 'sandbox-snapchat-client-secret' };
const redirectUri = 'http://127.0.0.1:3000/api/v1/oauth/snapchat/callback';
const person = 'ahmed';

let sbx: RunningSandbox;
let snap: AdPlatform;
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
  control('/_sandbox/faults', { method: 'POST', body: { platform: 'snapchat', kind, probability: 1, ...(kind === 'rate_limit' ? { delay_ms: 10 } : {}), ...extra } });
const clearFaults = () => control('/_sandbox/faults?platform=snapchat', { method: 'DELETE' });

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

async function authorize(as: string, accounts?: string[]): Promise<TokenSet> {
  const url = snap.authorizeUrl({ state: `st-${as}`, redirectUri });
  const back = await consent(url, { person: as, ...(accounts ? { accounts } : {}) });
  const code = back.searchParams.get('code');
  expect(back.searchParams.get('state')).toBe(`st-${as}`);
  expect(code).toBeTruthy();
  return snap.exchangeCode(code ?? '', redirectUri);
}
const granted = (): string[] => [jpy.externalId, kwd.externalId];

beforeAll(async () => {
  sbx = await startSandbox({ host: '127.0.0.1', port: 0 });
  ctx = { endpoints: sandboxSnapchatEndpoints(sbx.url), credentials, attempts: 8, maxBackoffMs: 20, timeoutMs: 3_000 };
  snap = createSnapchatAdapter(ctx);
  const make = (name: string, currency: string, time_zone: string, seed: number) =>
    control<WorldAccountView>('/_sandbox/accounts', {
      method: 'POST',
      body: { platform: 'snapchat', name, currency, time_zone, owner: person, campaigns: 3, ad_sets_per_campaign: 2, ads_per_ad_set: 2, seed, start_date: '2024-01-01' },
    });
  const [a, b] = [await make('Contract JPY', 'JPY', 'Asia/Tokyo', 12), await make('Contract KWD', 'KWD', 'Asia/Kuwait', 31)];
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

describe('Snapchat adapter against the sandbox', () => {
  it('authorizes, exchanges the code for an access and a refresh token, and refreshes', async () => {
    tokens = await authorize(person, granted());
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt).not.toBeNull();
    const fresh = await snap.refresh(tokens);
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    expect(fresh.refreshToken).toBeTruthy();
    tokens = fresh;
  });

  it('a denied consent comes back to the callback with the platform error', async () => {
    const back = await consent(snap.authorizeUrl({ state: 'st-deny', redirectUri }), { person, decision: 'deny' });
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-deny');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('lists the ad accounts granted on the consent screen', async () => {
    const accounts = await snap.listAdAccounts(tokens);
    const owned = (await control<WorldAccountView[]>('/_sandbox/accounts?platform=snapchat')).filter((a) => a.owners.some((o) => o.id === person));
    expect(accounts.map((a) => a.externalId).sort()).toEqual(granted().sort());
    for (const a of accounts) {
      const w = owned.find((o) => o.id === a.externalId);
      expect([a.currency, a.timeZone, a.managerId]).toEqual([w?.currency, w?.time_zone, null]);
    }
  });

  it('reads campaigns, ad squads and ads, parents first, as many as the world holds', async () => {
    const entities = await collect(snap.entities(tokens, jpy));
    const levels = entities.map((e) => e.level);
    expect(levels.lastIndexOf('campaign')).toBeLessThan(levels.indexOf('ad_set'));
    expect(levels.lastIndexOf('ad_set')).toBeLessThan(levels.indexOf('ad'));
    for (const level of ['campaign', 'ad_set', 'ad'] as const) {
      const world = await control<Array<{ id: string; status: string }>>(`/_sandbox/accounts/snapchat/${jpy.externalId}/entities?level=${level}`);
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
    const until = addDays((await control<WorldAccountView>(`/_sandbox/accounts/snapchat/${acct.externalId}`)).today, -1);
    const since = addDays(until, -29);
    const rows = await collect(snap.dailyMetrics(tokens, acct, { since, until }));
    const truth = await control<{ rows: TruthRow[] }>(`/_sandbox/accounts/snapchat/${acct.externalId}/report?since=${since}&until=${until}&level=account`);
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
    const clean = await collect(snap.entities(tokens, kwd));
    for (const kind of ['rate_limit', 'server_error', 'malformed']) {
      await fault(kind, { count: 2 });
      expect(withoutRaw(await collect(snap.entities(tokens, kwd)))).toEqual(withoutRaw(clean));
      await clearFaults();
    }
  });

  it('a slow answer past the timeout is retried', async () => {
    const slowSnap = createSnapchatAdapter({ ...ctx, timeoutMs: 200 });
    const clean = await collect(slowSnap.entities(tokens, kwd));
    await fault('slow', { count: 1, delay_ms: 500 });
    expect(withoutRaw(await collect(slowSnap.entities(tokens, kwd)))).toEqual(withoutRaw(clean));
  });

  it('with 20% mixed retryable faults a full read returns the same rows', async () => {
    const until = addDays((await control<WorldAccountView>(`/_sandbox/accounts/snapchat/${jpy.externalId}`)).today, -1);
    const range = { since: addDays(until, -29), until };
    const cleanEntities = withoutRaw(await collect(snap.entities(tokens, jpy)));
    const cleanRows = withoutRaw(sortRows(await collect(snap.dailyMetrics(tokens, jpy, range))));
    for (const kind of ['rate_limit', 'server_error', 'malformed']) await fault(kind, { probability: 0.2 });
    expect(withoutRaw(await collect(snap.entities(tokens, jpy)))).toEqual(cleanEntities);
    expect(withoutRaw(sortRows(await collect(snap.dailyMetrics(tokens, jpy, range))))).toEqual(cleanRows);
  });

  it.each(['expired_token', 'revoked_token'])('%s → AUTH_EXPIRED', async (kind) => {
    // The sandbox really revokes a token it reports revoked: this test spends its own grant.
    const own = await authorize(person, granted());
    await fault(kind, { count: 1 });
    const err = await failure(collect(snap.entities(own, kwd)));
    expect(err.code).toBe('AUTH_EXPIRED');
  });

  it('an access token expired in the world is AUTH_EXPIRED; refreshing gets a working one', async () => {
    const t = await snap.refresh(tokens);
    await control('/_sandbox/tokens/expire', { method: 'POST', body: { platform: 'snapchat', token: t.accessToken } });
    expect((await failure(snap.listAdAccounts(t))).code).toBe('AUTH_EXPIRED');
    const again = await snap.refresh(t);
    expect((await snap.listAdAccounts(again)).length).toBeGreaterThan(0);
  });

  it('changes budgets and statuses; a later read shows them and the sandbox saw the mutations', async () => {
    await control('/_sandbox/inspect/mutations?platform=snapchat', { method: 'DELETE' });
    const before = await collect(snap.entities(tokens, kwd));
    const withBudget = before.filter((e) => e.level !== 'ad' && e.dailyBudgetMinor !== null);
    expect(withBudget.length).toBeGreaterThan(0);
    for (const e of withBudget.slice(0, 2)) {
      const ref = { accountId: kwd.externalId, level: e.level as 'campaign' | 'ad_set', externalId: e.externalId };
      await snap.setDailyBudget(tokens, kwd, ref, (e.dailyBudgetMinor ?? 0) + 12_345);
    }
    const campaign = before.find((e) => e.level === 'campaign' && e.status === 'ACTIVE') as Entity;
    const squad = before.find((e) => e.level === 'ad_set' && e.status === 'ACTIVE') as Entity;
    await snap.setStatus(tokens, kwd, { accountId: kwd.externalId, level: 'campaign', externalId: campaign.externalId }, 'PAUSED');
    await snap.setStatus(tokens, kwd, { accountId: kwd.externalId, level: 'ad_set', externalId: squad.externalId }, 'PAUSED');
    const after = await collect(snap.entities(tokens, kwd));
    for (const e of withBudget.slice(0, 2)) expect(after.find((x) => x.externalId === e.externalId)?.dailyBudgetMinor).toBe((e.dailyBudgetMinor ?? 0) + 12_345);
    expect(after.find((e) => e.externalId === campaign.externalId)?.status).toBe('PAUSED');
    expect(after.find((e) => e.externalId === squad.externalId)?.status).toBe('PAUSED');
    const seen = await control<Array<Record<string, unknown>>>('/_sandbox/inspect/mutations?platform=snapchat');
    expect(seen.length).toBe(Math.min(2, withBudget.length) + 2);
    await snap.setStatus(tokens, kwd, { accountId: kwd.externalId, level: 'campaign', externalId: campaign.externalId }, 'ACTIVE');
    expect((await collect(snap.entities(tokens, kwd))).find((e) => e.externalId === campaign.externalId)?.status).toBe('ACTIVE');
  });

  it('an unknown campaign is NOT_FOUND', async () => {
    const err = await failure(snap.setStatus(tokens, kwd, { accountId: kwd.externalId, level: 'campaign', externalId: '00000000-0000-4000-8000-000000000000' }, 'PAUSED'));
    expect(err.code).toBe('NOT_FOUND');
  });

  it('a revoked refresh token cannot be refreshed', async () => {
    const t = await authorize(person, granted());
    await control('/_sandbox/tokens/revoke', { method: 'POST', body: { platform: 'snapchat', token: t.refreshToken } });
    expect((await failure(snap.refresh(t))).code).toBe('AUTH_EXPIRED');
  });
});
