import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server.js';
import { isPlatformError } from '../errors.js';
import { consent } from '../testing/consent.js';
import type { AdAccount, AdapterContext, AdPlatform, TokenSet } from '../types.js';
import { createTiktokAdapter } from './adapter.js';
import { collect, entityLine, last30, sandboxControl } from '../testing/contract-support.js';
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

async function connect(person: string, accounts?: string[]): Promise<TokenSet> {
  const cb = await consent(tiktok.authorizeUrl({ state: `st-${person}`, redirectUri: REDIRECT }), { person, ...(accounts ? { accounts } : {}) });
  expect(cb.searchParams.get('state')).toBe(`st-${person}`);
  const code = cb.searchParams.get('auth_code');
  if (!code) throw new Error(`no auth_code in ${cb.href}`);
  return tiktok.exchangeCode(code, REDIRECT);
}

async function listed(t: TokenSet, id: string): Promise<AdAccount> {
  const a = (await tiktok.listAdAccounts(t)).find((x) => x.externalId === id);
  if (!a) throw new Error(`advertiser ${id} not listed`);
  return a;
}

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

  it('carries the platform’s error when consent is denied', async () => {
    const cb = await consent(tiktok.authorizeUrl({ state: 'deny-1', redirectUri: REDIRECT }), { person: 'lina', decision: 'deny' });
    expect(cb.searchParams.get('error')).toBe('access_denied');
    expect(cb.searchParams.get('state')).toBe('deny-1');
    expect(cb.searchParams.has('auth_code')).toBe(false);
  });

  it('reads entities parents first, as the world holds them', async () => {
    const w = await world.account(ZAHRA);
    const list = await collect(tiktok.entities(t, zahra));
    const levels = list.map((e) => e.level);
    expect(levels.lastIndexOf('campaign')).toBeLessThan(levels.indexOf('ad_set'));
    expect(levels.lastIndexOf('ad_set')).toBeLessThan(levels.indexOf('ad'));
    expect(list.filter((e) => e.level === 'ad')).toHaveLength(w.size.ads);
    expect(list.map(entityLine).sort()).toEqual(await world.entityLines(ZAHRA));
  });

  it('reads 30 days of ad rows that add up to the truth, per day', async () => {
    await world.expectMetricsMatchTruth(tiktok, t, zahra);
  });

  it('has no pixel quality to read', async () => {
    expect(await tiktok.pixelQuality(t, zahra)).toEqual([]);
  });

  it.each(['rate_limit', 'server_error', 'malformed'])('retries %s and reads what a fault-free read gives', async (kind) => {
    const clean = await collect(tiktok.entities(t, zahra));
    await world.addFault(kind, 1, 3);
    expect(await collect(tiktok.entities(t, zahra))).toEqual(clean);
  });

  it('retries a slow answer after the timeout', async () => {
    const clean = await collect(tiktok.entities(t, zahra));
    await world.addFault('slow', 1, 2, 400);
    expect(await collect(createTiktokAdapter({ ...ctx, timeoutMs: 150 }).entities(t, zahra))).toEqual(clean);
  });

  it('with 20% mixed retryable faults, a full read equals the fault-free one', async () => {
    // A larger advertiser, so the report spans several pages.
    const oud = await listed(t, OUD);
    const range = last30(await world.account(OUD));
    const read = async (p: AdPlatform) => ({ entities: await collect(p.entities(t, oud)), metrics: await collect(p.dailyMetrics(t, oud, range)) });
    const clean = await read(tiktok);
    for (const kind of ['rate_limit', 'server_error', 'malformed']) await world.addFault(kind, 0.2, null);
    const faulty = await read(createTiktokAdapter({ ...ctx, attempts: 12 }));
    expect(faulty.metrics.length).toBeGreaterThan(1000);
    expect(faulty).toEqual(clean);
  });

  it.each(['expired_token', 'revoked_token'])('%s → AUTH_EXPIRED', async (kind) => {
    // A token of its own: the fault may end the token it hits for good.
    const own = await connect('lina');
    await world.addFault(kind, 1, 1);
    const err = await collect(tiktok.entities(own, zahra)).catch((e: unknown) => e);
    expect(isPlatformError(err) && err.code).toBe('AUTH_EXPIRED');
  });

  it('changes budgets and statuses so a later read shows them, and the sandbox records them', async () => {
    const before = await collect(tiktok.entities(t, zahra));
    const campaign = before.find((e) => e.level === 'campaign');
    const budgeted = before.find((e) => e.level !== 'ad' && e.dailyBudgetMinor !== null);
    if (!campaign || !budgeted || budgeted.level === 'ad') throw new Error('the sandbox advertiser has no budgeted entity');
    const newBudget = (budgeted.dailyBudgetMinor ?? 0) + 1250;
    const newStatus = campaign.status === 'PAUSED' ? 'ACTIVE' : 'PAUSED';

    await tiktok.setDailyBudget(t, zahra, { accountId: ZAHRA, level: budgeted.level, externalId: budgeted.externalId }, newBudget);
    await tiktok.setStatus(t, zahra, { accountId: ZAHRA, level: 'campaign', externalId: campaign.externalId }, newStatus);

    const after = await collect(tiktok.entities(t, zahra));
    expect(after.find((e) => e.externalId === budgeted.externalId)?.dailyBudgetMinor).toBe(newBudget);
    expect(after.find((e) => e.externalId === campaign.externalId)?.status).toBe(newStatus);
    expect(after.map(entityLine).sort()).toEqual(await world.entityLines(ZAHRA));
    const recorded = JSON.stringify(await world.mutations());
    expect(recorded).toContain(budgeted.externalId);
    expect(recorded).toContain(campaign.externalId);
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
    const totals = await world.expectMetricsMatchTruth(tiktok, t, account);
    expect(totals.purchases).toBeGreaterThan(0);
    expect(totals.leads).toBeGreaterThan(0);
    const list = await collect(tiktok.entities(t, account));
    expect(list.some((e) => e.dailyBudgetMinor !== null)).toBe(true);
    expect(list.map(entityLine).sort()).toEqual(await world.entityLines(id));
  });
});
