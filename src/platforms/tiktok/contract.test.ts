import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server.js';
import { connectAs, consent } from '../testing/consent.js';
import type { AdAccount, AdapterContext, AdPlatform, TokenSet } from '../types.js';
import { createTiktokAdapter } from './adapter.js';
import { collect, failure, listedAccount, sandboxControl } from '../testing/contract-support.js';
import { sandboxTiktokEndpoints } from './endpoints.js';

/**
 * The TikTok adapter against the sandbox's independent imitation of the Marketing API: the
 * adapter sees only base URLs, and what it reads is compared with the sandbox's own truth.
 */
const REDIRECT = 'http://localhost:3000/api/v1/oauth/tiktok/callback';
const credentials = { clientId: '7000000000000000001', clientSecret: 'sandbox-tiktok-app-secret' };
const ZAHRA = '7584745187600944038';
const OUD = '7463445606448088177';

let sb: RunningSandbox;
let ctx: AdapterContext;
let tiktok: AdPlatform;
const world = sandboxControl(() => sb.url, 'tiktok');

const connect = (person: string, accounts?: string[]): Promise<TokenSet> =>
  connectAs(tiktok, { person, redirectUri: REDIRECT, codeParam: 'auth_code', ...(accounts ? { accounts } : {}) });

const listed = (t: TokenSet, id: string): Promise<AdAccount> => listedAccount(tiktok, t, id);

beforeAll(async () => {
  sb = await startSandbox({ host: '127.0.0.1', port: 0 });
  ctx = { endpoints: sandboxTiktokEndpoints(sb.url), credentials, attempts: 6, maxBackoffMs: 20, timeoutMs: 5_000 };
  tiktok = createTiktokAdapter(ctx);
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await world.clearFaults();
});

describe('TikTok adapter against the sandbox', () => {
  let t: TokenSet;
  let zahra: AdAccount;

  beforeAll(async () => {
    t = await connect('lina');
    zahra = await listed(t, ZAHRA);
  });

  it('connects: authorize → auth_code → long-term token; refresh keeps it; advertisers match the world', async () => {
    expect(t.refreshToken).toBeNull();
    expect(await tiktok.refresh(t)).toEqual(t);
    const mine = await tiktok.listAdAccounts(t);
    const theirs = (await world.accounts()).filter((a) => a.owners.some((o) => o.id === 'lina'));
    expect(mine.map((a) => `${a.externalId} ${a.currency} ${a.timeZone} ${a.status}`).sort()).toEqual(
      theirs.map((a) => `${a.id} ${a.currency} ${a.time_zone} active`).sort(),
    );
    expect(t.extra.advertiserIds?.split(',').sort()).toEqual(theirs.map((a) => a.id).sort());
  });

  it('lists each advertiser with its last 30 days’ spend, as the sandbox counts it', async () => {
    await world.expectSpendLast30dMatchesTruth(tiktok, t);
  });

  it('carries the platform’s error when consent is denied', async () => {
    const cb = await consent(tiktok.authorizeUrl({ state: 'deny-1', redirectUri: REDIRECT }), { person: 'lina', decision: 'deny' });
    expect(cb.searchParams.get('error')).toBe('access_denied');
    expect(cb.searchParams.get('state')).toBe('deny-1');
    expect(cb.searchParams.has('auth_code')).toBe(false);
  });

  it('reads entities parents first, as the world holds them', async () => {
    const list = await world.expectEntitiesMatchWorld(tiktok, t, zahra);
    expect(list.filter((e) => e.level === 'ad')).toHaveLength((await world.account(ZAHRA)).size.ads);
  });

  it('reads 30 days of ad rows that add up to the truth, per day', async () => {
    await world.expectMetricsMatchTruth(tiktok, t, zahra);
  });

  it('has no pixel quality to read', async () => {
    expect(await tiktok.pixelQuality(t, zahra)).toEqual([]);
  });

  it.each(['rate_limit', 'server_error', 'malformed'])('retries %s and reads what a fault-free read gives', async (kind) => {
    const clean = await collect(tiktok.entities(t, zahra));
    await world.addFault(kind, { count: 3 });
    expect(await collect(tiktok.entities(t, zahra))).toEqual(clean);
  });

  it('retries a slow answer after the timeout', async () => {
    const clean = await collect(tiktok.entities(t, zahra));
    await world.addFault('slow', { count: 2, delayMs: 400 });
    expect(await collect(createTiktokAdapter({ ...ctx, timeoutMs: 150 }).entities(t, zahra))).toEqual(clean);
  });

  it('with 20% mixed retryable faults, a full read equals the fault-free one', async () => {
    // A larger advertiser, so the report spans several pages.
    const oud = await listed(t, OUD);
    const clean = await world.fullRead(tiktok, t, oud);
    for (const kind of ['rate_limit', 'server_error', 'malformed']) await world.addFault(kind, { probability: 0.2 });
    const faulty = await world.fullRead(createTiktokAdapter({ ...ctx, attempts: 12 }), t, oud);
    expect(faulty.metrics.length).toBeGreaterThan(1000);
    expect(faulty).toEqual(clean);
  });

  it.each(['expired_token', 'revoked_token'])('%s → AUTH_EXPIRED', async (kind) => {
    // A token of its own: the fault may end the token it hits for good.
    const own = await connect('lina');
    await world.addFault(kind, { count: 1 });
    expect((await failure(collect(tiktok.entities(own, zahra)))).code).toBe('AUTH_EXPIRED');
  });

  it('changes budgets and statuses so a later read shows them, and the sandbox records them', async () => {
    await world.expectChangesShow(tiktok, t, zahra, 1250);
  });
});

describe('TikTok units in zero- and three-decimal currencies', () => {
  it.each([
    ['JPY', 'Asia/Tokyo', 100],
    ['KWD', 'Asia/Kuwait', 200],
  ])('%s: rows add up to the truth; budgets equal the world’s', async (currency, zone, firstSeed) => {
    const id = await world.addAccountWithSalesAndLeads(currency, zone, firstSeed);
    const t = await connect('scale', [id]);
    const account = await listed(t, id);
    expect(account.currency).toBe(currency);
    await world.expectSpendLast30dMatchesTruth(tiktok, t);
    const totals = await world.expectMetricsMatchTruth(tiktok, t, account);
    expect(totals.purchases).toBeGreaterThan(0);
    expect(totals.leads).toBeGreaterThan(0);
    const list = await world.expectEntitiesMatchWorld(tiktok, t, account);
    expect(list.some((e) => e.dailyBudgetMinor !== null)).toBe(true);
  });
});
