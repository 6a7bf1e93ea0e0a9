import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorldAccount } from '../../world/types.js';
import { accessToken, accountOf, API, bearer, harness, type Harness } from './test-support.js';

let h: Harness;
let midas: WorldAccount;
let token: string;
beforeAll(async () => {
  h = await harness();
  midas = accountOf(h.world, 'ahmed');
  token = accessToken(h.world, 'ahmed', [midas.id]);
});
beforeEach(() => h.world.received.clear('mutations'));
afterAll(() => h.app.close());

const call = (method: 'GET' | 'PUT' | 'PATCH', path: string, payload?: unknown) =>
  h.app.inject({ method, url: `${API}${path}`, headers: bearer(token), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

async function campaignJson(id: string): Promise<Record<string, unknown>> {
  return (await call('GET', `/v1/campaigns/${id}`)).json().campaigns[0].campaign;
}

describe('Snapchat updates', () => {
  it('changes a campaign budget and pauses it with a full-object PUT, and later reads and the inspector show it', async () => {
    const c = h.world.campaigns(midas).find((x) => x.dailyBudgetMinor !== null && x.status === 'ACTIVE')!;
    const current = await campaignJson(c.id);
    const newMinor = c.dailyBudgetMinor! + 5000;
    const body = { campaigns: [{ ...current, daily_budget_micro: newMinor * 10_000, status: 'PAUSED' }] };
    const res = await call('PUT', `/v1/adaccounts/${midas.id}/campaigns`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ request_status: 'SUCCESS', campaigns: [{ sub_request_status: 'SUCCESS', campaign: { id: c.id, status: 'PAUSED', daily_budget_micro: newMinor * 10_000 } }] });
    expect(h.world.entity(midas, 'campaign', c.id)).toMatchObject({ status: 'PAUSED', dailyBudgetMinor: newMinor });
    expect(await campaignJson(c.id)).toMatchObject({ status: 'PAUSED', daily_budget_micro: newMinor * 10_000 });
    const received = h.world.received.list('mutations', 'snapchat');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'PUT', path: `/v1/adaccounts/${midas.id}/campaigns`, body });
  });

  it('pauses an ad squad under its campaign; today reads zero delivery for its ads from then on', async () => {
    const squad = h.world.adSets(midas).find((s) => s.status === 'ACTIVE' && s.dailyBudgetMinor !== null)!;
    const current = (await call('GET', `/v1/adsquads/${squad.id}`)).json().adsquads[0].adsquad;
    const res = await call('PUT', `/v1/campaigns/${squad.campaignId}/adsquads`, { adsquads: [{ ...current, status: 'PAUSED' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().adsquads[0].adsquad.status).toBe('PAUSED');
    expect(h.world.entity(midas, 'ad_set', squad.id)?.status).toBe('PAUSED');
    const today = h.world.today(midas);
    const stats = await h.app.inject({
      url: `${API}/v1/adsquads/${squad.id}/stats?granularity=TOTAL&fields=spend&start_time=${encodeURIComponent(`${today}T00:00:00.000+03:00`)}&end_time=${encodeURIComponent('2026-11-26T00:00:00.000+03:00')}`,
      headers: bearer(token),
    });
    expect(stats.json().total_stats[0].total_stat.stats.spend).toBe(h.world.sumDay(midas, 'ad_set', squad.id, today).spendMinor * 10_000);
  });

  it('pauses and re-activates an ad with PATCH', async () => {
    const ad = h.world.ads(midas).find((a) => a.status === 'ACTIVE')!;
    const paused = await call('PATCH', `/v1/ads/${ad.id}`, { status: 'PAUSED' });
    expect(paused.json().ads[0].ad.status).toBe('PAUSED');
    const active = await call('PATCH', `/v1/ads/${ad.id}`, { ads: [{ id: ad.id, status: 'ACTIVE' }] });
    expect(active.json().ads[0].ad.status).toBe('ACTIVE');
    expect(h.world.received.list('mutations', 'snapchat').map((m) => m.method)).toEqual(['PATCH', 'PATCH']);
  });

  it('answers a budget that is not a whole minor unit with a failed item, changes nothing and records nothing', async () => {
    const c = h.world.campaigns(midas).find((x) => x.dailyBudgetMinor !== null)!;
    const before = c.dailyBudgetMinor;
    const current = await campaignJson(c.id);
    const res = await call('PUT', `/v1/adaccounts/${midas.id}/campaigns`, { campaigns: [{ ...current, daily_budget_micro: 123_456_789 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ request_status: 'ERROR', campaigns: [{ sub_request_status: 'ERROR', sub_request_error_reason: expect.stringMatching(/minor units/) }] });
    expect(h.world.entity(midas, 'campaign', c.id)).toMatchObject({ dailyBudgetMinor: before });
    expect(h.world.received.list('mutations', 'snapchat')).toHaveLength(0);
  });

  it('refuses a budget below Snap minimum and a budget on a campaign whose ad squads hold the budgets', async () => {
    const c = h.world.campaigns(midas).find((x) => x.dailyBudgetMinor !== null)!;
    const low = await call('PATCH', `/v1/campaigns/${c.id}`, { daily_budget_micro: 1_000_000 });
    expect(low.statusCode).toBe(400);
    const noBudget = h.world.campaigns(midas).find((x) => x.dailyBudgetMinor === null);
    if (noBudget) {
      const res = await call('PATCH', `/v1/campaigns/${noBudget.id}`, { daily_budget_micro: 50_000_000 });
      expect(res.statusCode).toBe(400);
      expect(res.json().campaigns[0].sub_request_status).toBe('ERROR');
    }
  });

  it('keeps the good items of a mixed PUT and marks the bad ones', async () => {
    const [a, b] = h.world.campaigns(midas);
    const res = await call('PUT', `/v1/adaccounts/${midas.id}/campaigns`, {
      campaigns: [{ ...(await campaignJson(a!.id)), status: 'ACTIVE' }, { ...(await campaignJson(b!.id)), status: 'STOPPED' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().campaigns.map((x: { sub_request_status: string }) => x.sub_request_status)).toEqual(['SUCCESS', 'ERROR']);
  });

  it.each([
    ['PUT a campaign into another account', 'PUT', () => `/v1/adaccounts/${midas.id}/campaigns`, async () => ({ campaigns: [{ ...(await campaignJson(h.world.campaigns(midas)[0]!.id)), ad_account_id: '00000000-0000-4000-8000-000000000000' }] }), 'E2023'],
    ['PATCH an objective', 'PATCH', () => `/v1/campaigns/${h.world.campaigns(midas)[0]!.id}`, async () => ({ objective: 'BRAND_AWARENESS' }), 'E2023'],
    ['PATCH an unknown attribute', 'PATCH', () => `/v1/campaigns/${h.world.campaigns(midas)[0]!.id}`, async () => ({ colour: 'red' }), 'E1001'],
    ['PUT without the campaigns array', 'PUT', () => `/v1/adaccounts/${midas.id}/campaigns`, async () => ({ campaign: {} }), 'E1001'],
    ['PUT a campaign missing required attributes', 'PUT', () => `/v1/adaccounts/${midas.id}/campaigns`, async () => ({ campaigns: [{ id: h.world.campaigns(midas)[0]!.id, status: 'PAUSED' }] }), 'E1001'],
  ] as const)('refuses to %s', async (_name, method, path, body, code) => {
    const res = await call(method, path(), await body());
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ request_status: 'ERROR', error_code: code });
  });

  it('answers an unknown entity with 404 and checks the token first', async () => {
    expect((await call('PATCH', '/v1/campaigns/00000000-0000-4000-8000-000000000000', { status: 'PAUSED' })).statusCode).toBe(404);
    const res = await h.app.inject({ method: 'PATCH', url: `${API}/v1/campaigns/${h.world.campaigns(midas)[0]!.id}`, payload: { status: 'PAUSED' } });
    expect(res.statusCode).toBe(401);
  });
});
