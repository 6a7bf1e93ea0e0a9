import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server.js';
import { isPlatformError } from '../errors.js';
import { consent } from '../testing/consent.js';
import type { AdAccount, AdapterContext, AdPlatform, TokenSet } from '../types.js';
import { createMetaAdapter } from './adapter.js';
import { collect, entityLine, last30, sandboxControl, skipRetryWaits } from '../testing/contract-support.js';
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

async function connect(person: string, accounts?: string[]): Promise<TokenSet> {
  const cb = await consent(meta.authorizeUrl({ state: `st-${person}`, redirectUri: REDIRECT }), { person, ...(accounts ? { accounts } : {}) });
  expect(cb.searchParams.get('state')).toBe(`st-${person}`);
  const code = cb.searchParams.get('code');
  if (!code) throw new Error(`no code in ${cb.href}`);
  return meta.exchangeCode(code, REDIRECT);
}

async function listed(t: TokenSet, id: string): Promise<AdAccount> {
  const a = (await meta.listAdAccounts(t)).find((x) => x.externalId === id);
  if (!a) throw new Error(`account ${id} not listed`);
  return a;
}

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

  it('carries the platform’s error when consent is denied', async () => {
    const cb = await consent(meta.authorizeUrl({ state: 'deny-1', redirectUri: REDIRECT }), { person: 'ahmed', decision: 'deny' });
    expect(cb.searchParams.get('error')).toBe('access_denied');
    expect(cb.searchParams.get('error_reason')).toBe('user_denied');
    expect(cb.searchParams.get('state')).toBe('deny-1');
    expect(cb.searchParams.has('code')).toBe(false);
  });

  it('reads entities parents first, as the world holds them', async () => {
    const w = await world.account(PERSONAL);
    const list = await collect(meta.entities(t, personal));
    const levels = list.map((e) => e.level);
    expect(levels.lastIndexOf('campaign')).toBeLessThan(levels.indexOf('ad_set'));
    expect(levels.lastIndexOf('ad_set')).toBeLessThan(levels.indexOf('ad'));
    expect(list.filter((e) => e.level === 'ad')).toHaveLength(w.size.ads);
    expect(list.map(entityLine).sort()).toEqual(await world.entityLines(PERSONAL));
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
    await world.addFault(kind, 1, 3);
    expect(await collect(meta.entities(t, personal))).toEqual(clean);
  });

  it('surfaces a throttle that asks for a longer wait than maxBackoffMs, without retrying', async () => {
    await world.addFault('rate_limit', 1, 1);
    const err = await collect(meta.entities(t, personal)).catch((e: unknown) => e);
    expect(isPlatformError(err) && err.code).toBe('RATE_LIMITED');
    expect(isPlatformError(err) && err.details.retryAfterMs).toBeGreaterThan(ctx.maxBackoffMs ?? 0);
  });

  it('waits out throttles it may sleep through, then reads what a fault-free read gives', async () => {
    const clean = await collect(meta.entities(t, personal));
    await world.addFault('rate_limit', 1, 3);
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
    await world.addFault('slow', 1, 2, 400);
    expect(await collect(createMetaAdapter({ ...ctx, timeoutMs: 150 }).entities(t, personal))).toEqual(clean);
  });

  it('with 20% mixed retryable faults, a full read equals the fault-free one', async () => {
    // A larger account, so the read spans many pages.
    const decor = await listed(t, DECOR);
    const range = last30(await world.account(DECOR));
    const read = async (p: AdPlatform) => ({ entities: await collect(p.entities(t, decor)), metrics: await collect(p.dailyMetrics(t, decor, range)) });
    const clean = await read(meta);
    for (const kind of ['rate_limit', 'server_error', 'malformed']) await world.addFault(kind, 0.2, null);
    const timers = skipRetryWaits();
    try {
      const faulty = await read(createMetaAdapter({ ...ctx, attempts: 12, maxBackoffMs: 120_000 }));
      expect(faulty.metrics.length).toBeGreaterThan(1000);
      expect(faulty).toEqual(clean);
    } finally {
      timers.restore();
    }
  });

  it.each(['expired_token', 'revoked_token'])('%s → AUTH_EXPIRED', async (kind) => {
    // A token of its own: the fault may end the token it hits for good.
    const own = await connect('ahmed');
    await world.addFault(kind, 1, 1);
    const err = await collect(meta.entities(own, personal)).catch((e: unknown) => e);
    expect(isPlatformError(err) && err.code).toBe('AUTH_EXPIRED');
  });

  it('changes budgets and statuses so a later read shows them, and the sandbox records them', async () => {
    const before = await collect(meta.entities(t, personal));
    const campaign = before.find((e) => e.level === 'campaign');
    const budgeted = before.find((e) => e.level !== 'ad' && e.dailyBudgetMinor !== null);
    if (!campaign || !budgeted || budgeted.level === 'ad') throw new Error('the sandbox account has no budgeted entity');
    const newBudget = (budgeted.dailyBudgetMinor ?? 0) + 1200;
    const newStatus = campaign.status === 'PAUSED' ? 'ACTIVE' : 'PAUSED';

    await meta.setDailyBudget(t, personal, { accountId: PERSONAL, level: budgeted.level, externalId: budgeted.externalId }, newBudget);
    await meta.setStatus(t, personal, { accountId: PERSONAL, level: 'campaign', externalId: campaign.externalId }, newStatus);

    const after = await collect(meta.entities(t, personal));
    expect(after.find((e) => e.externalId === budgeted.externalId)?.dailyBudgetMinor).toBe(newBudget);
    expect(after.find((e) => e.externalId === campaign.externalId)?.status).toBe(newStatus);
    expect(after.map(entityLine).sort()).toEqual(await world.entityLines(PERSONAL));
    const recorded = JSON.stringify(await world.mutations());
    expect(recorded).toContain(budgeted.externalId);
    expect(recorded).toContain(campaign.externalId);
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
    const totals = await world.expectMetricsMatchTruth(meta, t, account);
    expect(totals.purchases).toBeGreaterThan(0);
    expect(totals.leads).toBeGreaterThan(0);
    // Budgets travel in Meta's offset units (KWD × 100, JPY × 1), not the ISO exponent.
    const list = await collect(meta.entities(t, account));
    expect(list.some((e) => e.dailyBudgetMinor !== null)).toBe(true);
    expect(list.map(entityLine).sort()).toEqual(await world.entityLines(id));
  });
});
