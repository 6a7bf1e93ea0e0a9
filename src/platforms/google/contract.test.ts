import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server.js';
import { connectAs, consent } from '../testing/consent.js';
import { collect, failure, sandboxControl } from '../testing/contract-support.js';
import { asAdAccount } from '../testing/world-views.js';
import type { AdAccount, AdapterContext, AdPlatform, Entity, TokenSet } from '../types.js';
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
const world = sandboxControl(() => sbx.url, 'google');

// A rate limit's advertised wait is the fault's delay; kept short so the adapter may sleep it.
const fault = (kind: string, o: { probability?: number; count?: number; delayMs?: number } = {}) =>
  world.addFault(kind, { ...(kind === 'rate_limit' ? { delayMs: 10 } : {}), ...o });
const authorize = (as: string): Promise<TokenSet> => connectAs(google, { person: as, redirectUri });

beforeAll(async () => {
  sbx = await startSandbox({ host: '127.0.0.1', port: 0 });
  ctx = { endpoints: sandboxGoogleEndpoints(sbx.url), credentials, attempts: 8, maxBackoffMs: 20, timeoutMs: 3_000 };
  google = createGoogleAdapter(ctx);
  const make = (name: string, currency: string, time_zone: string, seed: number) =>
    world.addAccount({ name, currency, time_zone, owner: person, campaigns: 3, ad_sets_per_campaign: 2, ads_per_ad_set: 2, seed, start_date: '2024-01-01' });
  jpy = asAdAccount(await make('Contract JPY', 'JPY', 'Asia/Tokyo', 41));
  kwd = asAdAccount(await make('Contract KWD', 'KWD', 'Asia/Kuwait', 12));
});
afterEach(async () => {
  await world.clearFaults();
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

  it.each(['ahmed', 'lina'])('lists each account %s reaches with its LAST_30_DAYS cost, as the sandbox counts it', async (who) => {
    const listed = await world.expectSpendLast30dMatchesTruth(google, who === person ? tokens : await authorize(who));
    expect(listed.some((a) => a.managerId !== null) || who === person).toBe(true);
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
    const owned = (await world.accounts()).filter((a) => a.owners.some((o) => o.id === who));
    expect(accounts.map((a) => [a.externalId, a.managerId, a.currency, a.timeZone]).sort()).toEqual(owned.map((a) => [a.id, a.manager_id, a.currency, a.time_zone]).sort());
    const viaManager = accounts.find((a) => a.managerId !== null);
    if (viaManager) {
      // Reached through a manager: readable with login-customer-id, refused without it (§3A).
      expect((await collect(google.entities(t, viaManager))).length).toBeGreaterThan(0);
      expect((await failure(collect(google.entities(t, { ...viaManager, managerId: null })))).code).toBe('PERMISSION_DENIED');
    }
  });

  it('reads campaigns, ad groups and ads, parents first, as the world holds them', async () => {
    const entities = await world.expectEntitiesMatchWorld(google, tokens, jpy);
    const ids = new Set(entities.map((e) => e.externalId));
    expect(entities.filter((e) => e.parentExternalId !== null).every((e) => ids.has(e.parentExternalId ?? ''))).toBe(true);
  });

  it.each([
    ['JPY', () => jpy, true],
    ['KWD', () => kwd, false],
  ])('30 days of ad-level rows add up, per day, to the world truth (%s)', async (_c, account, hasLeads) => {
    const totals = await world.expectMetricsMatchTruth(google, tokens, account());
    // The JPY seed has sales and lead campaigns delivering: both conversion mappings are exercised.
    if (hasLeads) expect(totals.leads > 0 && totals.purchases > 0).toBe(true);
  });

  it('retries rate limits, 5xx and cut-off pages, and reads exactly what a clean read reads', async () => {
    const clean = await collect(google.entities(tokens, kwd));
    for (const kind of ['rate_limit', 'server_error', 'malformed']) {
      await fault(kind, { count: 2 });
      expect(await collect(google.entities(tokens, kwd))).toEqual(clean);
      await world.clearFaults();
    }
  });

  it('a slow answer past the timeout is retried', async () => {
    const slowCtx = createGoogleAdapter({ ...ctx, timeoutMs: 200 });
    const clean = await collect(slowCtx.entities(tokens, kwd));
    await fault('slow', { count: 1, delayMs: 500 });
    expect(await collect(slowCtx.entities(tokens, kwd))).toEqual(clean);
  });

  it('with 20% mixed retryable faults a full read returns the same rows', async () => {
    const clean = await world.fullRead(google, tokens, jpy);
    for (const kind of ['rate_limit', 'server_error', 'malformed']) await fault(kind, { probability: 0.2 });
    expect(await world.fullRead(google, tokens, jpy)).toEqual(clean);
  });

  it.each(['expired_token', 'revoked_token'])('%s → AUTH_EXPIRED', async (kind) => {
    // The sandbox really revokes a token it reports revoked: this test spends its own grant.
    const own = await authorize(person);
    await fault(kind, { count: 1 });
    expect((await failure(collect(google.entities(own, kwd)))).code).toBe('AUTH_EXPIRED');
  });

  it('an access token expired in the world is AUTH_EXPIRED; refreshing gets a working one', async () => {
    const t = await google.refresh(tokens);
    await world.expireToken(t.accessToken);
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
    expect((await world.mutations()).length).toBeGreaterThanOrEqual(3);
    await google.setStatus(tokens, kwd, { accountId: kwd.externalId, level: 'campaign', externalId: campaign.externalId }, 'ACTIVE');
    expect((await collect(google.entities(tokens, kwd))).find((e) => e.externalId === campaign.externalId)?.status).toBe('ACTIVE');
  });

  it('ad groups have no budget: INVALID before any request', async () => {
    const err = await failure(google.setDailyBudget(tokens, kwd, { accountId: kwd.externalId, level: 'ad_set', externalId: '1' }, 1000));
    expect(err.code).toBe('INVALID');
  });

  it('a revoked refresh token cannot be refreshed', async () => {
    const t = await authorize(person);
    await world.revokeToken(t.refreshToken);
    expect((await failure(google.refresh(t))).code).toBe('AUTH_EXPIRED');
  });
});
