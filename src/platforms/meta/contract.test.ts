import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server.js';
import { connectAs, consent } from '../testing/consent.js';
import type { AdAccount, AdapterContext, AdPlatform, TokenSet } from '../types.js';
import { createMetaAdapter } from './adapter.js';
import { collect, failure, listedAccount, sandboxControl } from '../testing/contract-support.js';
import { skipRetryWaits } from '../testing/retry-waits.js';
import { sandboxMetaEndpoints } from './endpoints.js';

/**
 * The Meta adapter against the sandbox's independent imitation of Graph: the adapter sees only
 * base URLs, and what it reads is compared with the sandbox's own truth (`/_sandbox/...`).
 */
const REDIRECT = 'http://localhost:3000/api/v1/oauth/meta/callback';
const credentials = { clientId: '100000000000001', clientSecret: 'sandbox-meta-app-secret' };
const PERSONAL = '324696659356515';
const DECOR = '999948294642571';

let sb: RunningSandbox;
let ctx: AdapterContext;
let meta: AdPlatform;
const world = sandboxControl(() => sb.url, 'meta');

const connect = (person: string, accounts?: string[]): Promise<TokenSet> =>
  connectAs(meta, { person, redirectUri: REDIRECT, ...(accounts ? { accounts } : {}) });

const listed = (t: TokenSet, id: string): Promise<AdAccount> => listedAccount(meta, t, id);

beforeAll(async () => {
  sb = await startSandbox({ host: '127.0.0.1', port: 0 });
  ctx = { endpoints: sandboxMetaEndpoints(sb.url), credentials, attempts: 6, maxBackoffMs: 20, timeoutMs: 5_000 };
  meta = createMetaAdapter(ctx);
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await world.clearFaults();
});

describe('Meta adapter against the sandbox', () => {
  let t: TokenSet;
  let personal: AdAccount;

  beforeAll(async () => {
    t = await connect('ahmed');
    personal = await listed(t, PERSONAL);
  });

  it('connects: authorize → code → long-lived token; refresh keeps it; accounts match the world', async () => {
    expect(t.refreshToken).toBeNull();
    expect((t.expiresAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(50 * 86_400_000);
    expect(await meta.refresh(t)).toEqual(t);
    const mine = await meta.listAdAccounts(t);
    const theirs = (await world.accounts()).filter((a) => a.owners.some((o) => o.id === 'ahmed'));
    expect(mine.map((a) => `${a.externalId} ${a.currency} ${a.timeZone} ${a.status}`).sort()).toEqual(
      theirs.map((a) => `${a.id} ${a.currency} ${a.time_zone} active`).sort(),
    );
  });

  it('lists each account with its last 30 days’ spend (last_30d), as the sandbox counts it', async () => {
    await world.expectSpendLast30dMatchesTruth(meta, t);
  });

  it('carries the platform’s error when consent is denied', async () => {
    const cb = await consent(meta.authorizeUrl({ state: 'deny-1', redirectUri: REDIRECT }), { person: 'ahmed', decision: 'deny' });
    expect(cb.searchParams.get('error')).toBe('access_denied');
    expect(cb.searchParams.get('error_reason')).toBe('user_denied');
    expect(cb.searchParams.get('state')).toBe('deny-1');
    expect(cb.searchParams.has('code')).toBe(false);
  });

  it('reads entities parents first, as the world holds them', async () => {
    const list = await world.expectEntitiesMatchWorld(meta, t, personal);
    expect(list.filter((e) => e.level === 'ad')).toHaveLength((await world.account(PERSONAL)).size.ads);
  });

  it('reads 30 days of ad rows that add up to the truth, per day', async () => {
    await world.expectMetricsMatchTruth(meta, t, personal);
  });

  it('reads EMQ for the account’s pixels', async () => {
    const pixels = await meta.pixelQuality(t, personal);
    expect(pixels.length).toBeGreaterThan(0);
    for (const p of pixels) for (const e of p.events) expect(e.matchQuality === null || (e.matchQuality >= 0 && e.matchQuality <= 10)).toBe(true);
  });

  it.each(['server_error', 'malformed'])('retries %s and reads what a fault-free read gives', async (kind) => {
    const clean = await collect(meta.entities(t, personal));
    await world.addFault(kind, { count: 3 });
    expect(await collect(meta.entities(t, personal))).toEqual(clean);
  });

  it('surfaces a throttle that asks for a longer wait than maxBackoffMs, without retrying', async () => {
    await world.addFault('rate_limit', { count: 1 });
    const err = await failure(collect(meta.entities(t, personal)));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.details.retryAfterMs).toBeGreaterThan(ctx.maxBackoffMs ?? 0);
  });

  it('waits out throttles it may sleep through, then reads what a fault-free read gives', async () => {
    const clean = await collect(meta.entities(t, personal));
    await world.addFault('rate_limit', { count: 3 });
    const timers = skipRetryWaits();
    try {
      expect(await collect(createMetaAdapter({ ...ctx, maxBackoffMs: 120_000 }).entities(t, personal))).toEqual(clean);
    } finally {
      timers.restore();
    }
    // Each throttle's wait was at least what Meta asked for (BUC: a minute).
    expect(timers.waits.filter((w) => w >= 60_000).length).toBeGreaterThanOrEqual(3);
  });

  it('retries a slow answer after the timeout', async () => {
    const clean = await collect(meta.entities(t, personal));
    await world.addFault('slow', { count: 2, delayMs: 400 });
    expect(await collect(createMetaAdapter({ ...ctx, timeoutMs: 150 }).entities(t, personal))).toEqual(clean);
  });

  it('with 20% mixed retryable faults, a full read equals the fault-free one', async () => {
    // A larger account, so the read spans many pages.
    const decor = await listed(t, DECOR);
    const clean = await world.fullRead(meta, t, decor);
    for (const kind of ['rate_limit', 'server_error', 'malformed']) await world.addFault(kind, { probability: 0.2 });
    const timers = skipRetryWaits();
    try {
      const faulty = await world.fullRead(createMetaAdapter({ ...ctx, attempts: 12, maxBackoffMs: 120_000 }), t, decor);
      expect(faulty.metrics.length).toBeGreaterThan(1000);
      expect(faulty).toEqual(clean);
    } finally {
      timers.restore();
    }
  });

  it.each(['expired_token', 'revoked_token'])('%s → AUTH_EXPIRED', async (kind) => {
    // A token of its own: the fault may end the token it hits for good.
    const own = await connect('ahmed');
    await world.addFault(kind, { count: 1 });
    expect((await failure(collect(meta.entities(own, personal)))).code).toBe('AUTH_EXPIRED');
  });

  it('changes budgets and statuses so a later read shows them, and the sandbox records them', async () => {
    await world.expectChangesShow(meta, t, personal, 1200);
  });
});

describe('Meta units in zero- and three-decimal currencies', () => {
  it.each([
    ['JPY', 'Asia/Tokyo', 100],
    ['KWD', 'Asia/Kuwait', 200],
  ])('%s: rows add up to the truth; budgets equal the world’s', async (currency, zone, firstSeed) => {
    const id = await world.addAccountWithSalesAndLeads(currency, zone, firstSeed);
    const t = await connect('scale', [id]);
    const account = await listed(t, id);
    expect(account.currency).toBe(currency);
    await world.expectSpendLast30dMatchesTruth(meta, t);
    const totals = await world.expectMetricsMatchTruth(meta, t, account);
    expect(totals.purchases).toBeGreaterThan(0);
    expect(totals.leads).toBeGreaterThan(0);
    // Budgets travel in Meta's offset units (KWD × 100, JPY × 1), not the ISO exponent.
    const list = await world.expectEntitiesMatchWorld(meta, t, account);
    expect(list.some((e) => e.dailyBudgetMinor !== null)).toBe(true);
  });
});
