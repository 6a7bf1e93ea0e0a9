import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorldAccount } from '../../world/index.js';
import { get, graphError, GRAPH, harness, login, postForm, type Harness } from './testkit.js';
import { majorString, toMetaBudget } from './units.js';

let h: Harness;
let token: string;
let acct: WorldAccount;
beforeAll(async () => {
  h = await harness();
  acct = h.world.addAccount({
    platform: 'meta',
    name: 'Mutation Test',
    currency: 'USD',
    timeZone: 'America/New_York',
    business: 'Mutation Co',
    size: { campaigns: 8, adSetsPerCampaign: 3, adsPerAdSet: 2 },
    ownerIds: ['ahmed'],
  });
  token = await login(h.app);
});
beforeEach(() => h.world.received.clear('mutations'));
afterAll(() => h.app.close());

const budgetedAdSet = () => h.world.adSets(acct).find((s) => s.dailyBudgetMinor !== null && s.status === 'ACTIVE')!;

describe('updates', () => {
  it('pauses a campaign: later reads and reports show it, and the request is recorded as received', async () => {
    const campaign = h.world.campaigns(acct).find((c) => c.status === 'ACTIVE')!;
    const res = await postForm(h.app, `${GRAPH}/${campaign.id}`, { status: 'PAUSED', access_token: token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ success: true });
    expect((await get(h.app, `/${campaign.id}`, token, { fields: 'status,effective_status' })).json()).toEqual({ status: 'PAUSED', effective_status: 'PAUSED' });
    const ad = h.world.ads(acct).find((a) => a.campaignId === campaign.id && a.status === 'ACTIVE')!;
    expect((await get(h.app, `/${ad.id}`, token, { fields: 'effective_status' })).json()).toEqual({ effective_status: 'CAMPAIGN_PAUSED' });
    expect(h.world.received.list('mutations', 'meta')).toEqual([
      expect.objectContaining({ method: 'POST', path: `/v25.0/${campaign.id}`, query: {}, body: { status: 'PAUSED', access_token: token }, platform: 'meta' }),
    ]);
    const today = h.world.today(acct);
    const rows = (await get(h.app, `/${campaign.id}/insights`, token, { time_range: JSON.stringify({ since: today, until: today }), fields: 'spend' })).json().data;
    const spent = h.world.sumDay(acct, 'campaign', campaign.id, today).spendMinor;
    expect(rows.length ? rows[0].spend : majorString(0, 'USD')).toBe(majorString(spent, 'USD'));
    await postForm(h.app, `${GRAPH}/${campaign.id}`, { status: 'ACTIVE', access_token: token });
    expect(h.world.entity(acct, 'campaign', campaign.id)!.status).toBe('ACTIVE');
  });

  it('changes an ad set budget sent as JSON with the minor-unit string', async () => {
    const adSet = budgetedAdSet();
    const next = toMetaBudget(adSet.dailyBudgetMinor! + 1000, 'USD');
    const res = await h.app.inject({ method: 'POST', url: `${GRAPH}/${adSet.id}?access_token=${token}`, payload: { daily_budget: next } });
    expect(res.json()).toEqual({ success: true });
    expect((await get(h.app, `/${adSet.id}`, token, { fields: 'daily_budget' })).json()).toEqual({ daily_budget: next });
    expect(h.world.received.list('mutations', 'meta')[0]).toMatchObject({ method: 'POST', query: { access_token: token }, body: { daily_budget: next } });
  });

  it('pauses an ad', async () => {
    const ad = h.world.ads(acct).find((a) => a.status === 'ACTIVE')!;
    expect((await postForm(h.app, `${GRAPH}/${ad.id}`, { status: 'PAUSED', access_token: token })).json()).toEqual({ success: true });
    expect(h.world.entity(acct, 'ad', ad.id)!.status).toBe('PAUSED');
  });

  it('allows 4 budget changes an hour per ad set; the 5th is code 17 until the hour has passed', async () => {
    const adSet = h.world.adSets(acct).filter((s) => s.dailyBudgetMinor !== null)[1]!;
    const change = (n: number) => postForm(h.app, `${GRAPH}/${adSet.id}`, { daily_budget: String(5000 + n * 100), access_token: token });
    for (let i = 0; i < 4; i++) expect((await change(i)).statusCode).toBe(200);
    const fifth = await change(4);
    expect(fifth.statusCode).toBe(400);
    expect(graphError(fifth)).toMatchObject({ code: 17, error_subcode: 1885172, error_user_title: 'Too Many Changes to Ad Set Budget' });
    expect(h.world.received.list('mutations', 'meta')).toHaveLength(4);
    h.clock.set(new Date(h.world.now().getTime() + 61 * 60_000).toISOString());
    token = await login(h.app);
    expect((await change(5)).statusCode).toBe(200);
  });

  it.each([
    ['a non-integer budget', { daily_budget: '12.50' }, { code: 100 }],
    ['an unknown status', { status: 'SLEEPING' }, { code: 100 }],
    ['an unsupported field', { name: 'Renamed' }, { code: 100 }],
    ['nothing to change', {}, { code: 100 }],
  ])('refuses %s and records nothing', async (_what, fields, error) => {
    const res = await postForm(h.app, `${GRAPH}/${budgetedAdSet().id}`, { ...fields, access_token: token });
    expect(res.statusCode).toBe(400);
    expect(graphError(res)).toMatchObject(error);
    expect(h.world.received.list('mutations', 'meta')).toHaveLength(0);
  });

  it('refuses a budget on an ad set whose campaign holds the budget, in Graph\'s words', async () => {
    const cbo = h.world.adSets(acct).find((s) => s.dailyBudgetMinor === null);
    expect(cbo).toBeDefined();
    const res = await postForm(h.app, `${GRAPH}/${cbo!.id}`, { daily_budget: '5000', access_token: token });
    expect(graphError(res)).toMatchObject({ code: 100, error_user_msg: expect.stringMatching(/budget/i) });
  });

  it('needs ads_management to write, and an object the token reaches', async () => {
    const readOnly = await login(h.app, { scope: 'ads_read' });
    const campaign = h.world.campaigns(acct)[0]!;
    expect(graphError(await postForm(h.app, `${GRAPH}/${campaign.id}`, { status: 'PAUSED', access_token: readOnly }))).toMatchObject({ code: 294 });
    const lina = h.world.accountsOf('meta', 'lina')[0]!;
    const foreign = h.world.campaigns(lina)[0]!;
    expect(graphError(await postForm(h.app, `${GRAPH}/${foreign.id}`, { status: 'PAUSED', access_token: token }))).toMatchObject({ code: 100, error_subcode: 33, message: expect.stringMatching(/^Unsupported post request/) });
  });
});
