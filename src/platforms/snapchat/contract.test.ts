import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server.js';
import { connectAs, consent } from '../testing/consent.js';
import { collect, failure, sandboxControl } from '../testing/contract-support.js';
import { asAdAccount } from '../testing/world-views.js';
import type { AdAccount, AdapterContext, AdPlatform, Entity, TokenSet } from '../types.js';
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
const world = sandboxControl(() => sbx.url, 'snapchat');

// A rate limit's advertised wait is the fault's delay; kept short so the adapter may sleep it.
const fault = (kind: string, o: { probability?: number; count?: number; delayMs?: number } = {}) =>
  world.addFault(kind, { ...(kind === 'rate_limit' ? { delayMs: 10 } : {}), ...o });
const authorize = (as: string, accounts?: string[]): Promise<TokenSet> => connectAs(snap, { person: as, redirectUri, ...(accounts ? { accounts } : {}) });
const granted = (): string[] => [jpy.externalId, kwd.externalId];

beforeAll(async () => {
  sbx = await startSandbox({ host: '127.0.0.1', port: 0 });
  ctx = { endpoints: sandboxSnapchatEndpoints(sbx.url), credentials, attempts: 8, maxBackoffMs: 20, timeoutMs: 3_000 };
  snap = createSnapchatAdapter(ctx);
  const make = (name: string, currency: string, time_zone: string, seed: number) =>
    world.addAccount({ name, currency, time_zone, owner: person, campaigns: 3, ad_sets_per_campaign: 2, ads_per_ad_set: 2, seed, start_date: '2024-01-01' });
  jpy = asAdAccount(await make('Contract JPY', 'JPY', 'Asia/Tokyo', 12));
  kwd = asAdAccount(await make('Contract KWD', 'KWD', 'Asia/Kuwait', 31));
});
afterEach(async () => {
  await world.clearFaults();
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

  it('lists each ad account with its last 30 days’ spend (TOTAL, local midnights), as the sandbox counts it', async () => {
    await world.expectSpendLast30dMatchesTruth(snap, tokens);
  });

  it('a denied consent comes back to the callback with the platform error', async () => {
    const back = await consent(snap.authorizeUrl({ state: 'st-deny', redirectUri }), { person, decision: 'deny' });
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-deny');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('lists the ad accounts granted on the consent screen', async () => {
    const accounts = await snap.listAdAccounts(tokens);
    const owned = (await world.accounts()).filter((a) => a.owners.some((o) => o.id === person));
    expect(accounts.map((a) => a.externalId).sort()).toEqual(granted().sort());
    for (const a of accounts) {
      const w = owned.find((o) => o.id === a.externalId);
      expect([a.currency, a.timeZone, a.managerId]).toEqual([w?.currency, w?.time_zone, null]);
    }
  });

  it('reads campaigns, ad squads and ads, parents first, as the world holds them', async () => {
    const entities = await world.expectEntitiesMatchWorld(snap, tokens, jpy);
    const ids = new Set(entities.map((e) => e.externalId));
    expect(entities.filter((e) => e.parentExternalId !== null).every((e) => ids.has(e.parentExternalId ?? ''))).toBe(true);
  });

  it.each([
    ['JPY', () => jpy, true],
    ['KWD', () => kwd, false],
  ])('30 days of ad-level rows add up, per day, to the world truth (%s)', async (_c, account, hasLeads) => {
    const totals = await world.expectMetricsMatchTruth(snap, tokens, account());
    // The JPY seed has sales and lead campaigns delivering: both conversion mappings are exercised.
    if (hasLeads) expect(totals.leads > 0 && totals.purchases > 0).toBe(true);
  });

  it('retries rate limits, 5xx and cut-off pages, and reads exactly what a clean read reads', async () => {
    const clean = await collect(snap.entities(tokens, kwd));
    for (const kind of ['rate_limit', 'server_error', 'malformed']) {
      await fault(kind, { count: 2 });
      expect(await collect(snap.entities(tokens, kwd))).toEqual(clean);
      await world.clearFaults();
    }
  });

  it('a slow answer past the timeout is retried', async () => {
    const slowSnap = createSnapchatAdapter({ ...ctx, timeoutMs: 200 });
    const clean = await collect(slowSnap.entities(tokens, kwd));
    await fault('slow', { count: 1, delayMs: 500 });
    expect(await collect(slowSnap.entities(tokens, kwd))).toEqual(clean);
  });

  it('with 20% mixed retryable faults a full read returns the same rows', async () => {
    const clean = await world.fullRead(snap, tokens, jpy);
    for (const kind of ['rate_limit', 'server_error', 'malformed']) await fault(kind, { probability: 0.2 });
    expect(await world.fullRead(snap, tokens, jpy)).toEqual(clean);
  });

  it.each(['expired_token', 'revoked_token'])('%s → AUTH_EXPIRED', async (kind) => {
    // The sandbox really revokes a token it reports revoked: this test spends its own grant.
    const own = await authorize(person, granted());
    await fault(kind, { count: 1 });
    expect((await failure(collect(snap.entities(own, kwd)))).code).toBe('AUTH_EXPIRED');
  });

  it('an access token expired in the world is AUTH_EXPIRED; refreshing gets a working one', async () => {
    const t = await snap.refresh(tokens);
    await world.expireToken(t.accessToken);
    expect((await failure(snap.listAdAccounts(t))).code).toBe('AUTH_EXPIRED');
    const again = await snap.refresh(t);
    expect((await snap.listAdAccounts(again)).length).toBeGreaterThan(0);
  });

  it('changes budgets and statuses; a later read shows them and the sandbox saw the mutations', async () => {
    await world.clearMutations();
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
    expect(await world.mutations()).toHaveLength(Math.min(2, withBudget.length) + 2);
    await snap.setStatus(tokens, kwd, { accountId: kwd.externalId, level: 'campaign', externalId: campaign.externalId }, 'ACTIVE');
    expect((await collect(snap.entities(tokens, kwd))).find((e) => e.externalId === campaign.externalId)?.status).toBe('ACTIVE');
  });

  it('an unknown campaign is NOT_FOUND', async () => {
    const err = await failure(snap.setStatus(tokens, kwd, { accountId: kwd.externalId, level: 'campaign', externalId: '00000000-0000-4000-8000-000000000000' }, 'PAUSED'));
    expect(err.code).toBe('NOT_FOUND');
  });

  it('a revoked refresh token cannot be refreshed', async () => {
    const t = await authorize(person, granted());
    await world.revokeToken(t.refreshToken);
    expect((await failure(snap.refresh(t))).code).toBe('AUTH_EXPIRED');
  });
});
