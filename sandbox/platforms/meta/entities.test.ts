import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorldAccount } from '../../world/index.js';
import { get, getAll, graphError, harness, login, type Harness } from './testkit.js';
import { toMetaBudget } from './units.js';

let h: Harness;
let token: string;
let acct: WorldAccount;
beforeAll(async () => {
  h = await harness();
  acct = h.world.addAccount({
    platform: 'meta',
    name: 'Paging Test',
    currency: 'USD',
    timeZone: 'America/New_York',
    business: 'Paging Co',
    size: { campaigns: 20, adSetsPerCampaign: 5, adsPerAdSet: 4 },
    ownerIds: ['ahmed'],
  });
  token = await login(h.app);
});
afterAll(() => h.app.close());

describe('entity edges', () => {
  it('pages all 400 ads in creation order with odd-sized pages', async () => {
    const { rows, pages } = await getAll(h.app, `/act_${acct.id}/ads`, token, { fields: 'id,adset_id,campaign_id', limit: '37' });
    expect(pages).toBe(Math.ceil(400 / 37));
    expect(rows.map((r) => r.id)).toEqual(h.world.ads(acct).map((a) => a.id));
    const ad = h.world.ads(acct)[123]!;
    expect(rows[123]).toEqual({ id: ad.id, adset_id: ad.adSetId, campaign_id: ad.campaignId });
  });

  it('goes back a page with the before cursor', async () => {
    const p1 = (await get(h.app, `/act_${acct.id}/ads`, token, { limit: '10' })).json();
    const p2 = (await get(h.app, `/act_${acct.id}/ads`, token, { limit: '10', after: p1.paging.cursors.after })).json();
    expect(p2.paging.previous).toMatch(/before=/);
    const back = (await get(h.app, `/act_${acct.id}/ads`, token, { limit: '10', before: p2.paging.cursors.before })).json();
    expect(back.data).toEqual(p1.data);
  });

  it('renders campaigns with Meta statuses, objectives, minor-unit budget strings and offset timestamps', async () => {
    const res = await get(h.app, `/act_${acct.id}/campaigns`, token, { fields: 'id,name,status,effective_status,objective,daily_budget,created_time,updated_time', limit: '100' });
    const rows = res.json().data as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(20);
    h.world.campaigns(acct).forEach((c, i) => {
      const row = rows[i]!;
      expect(row).toMatchObject({ id: c.id, name: c.name, status: c.status, objective: `OUTCOME_${c.objective}` });
      if (c.dailyBudgetMinor === null) expect(row.daily_budget).toBeUndefined();
      else expect(row.daily_budget).toBe(toMetaBudget(c.dailyBudgetMinor, 'USD'));
      expect(row.created_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]00$/);
    });
  });

  it('lists children of a parent through its edge and through filtering', async () => {
    const adSet = h.world.adSets(acct)[17]!;
    const viaEdge = (await get(h.app, `/${adSet.id}/ads`, token, { fields: 'id,adset_id' })).json().data;
    const expected = h.world.ads(acct).filter((a) => a.adSetId === adSet.id).map((a) => ({ id: a.id, adset_id: a.adSetId }));
    expect(viaEdge).toEqual(expected);
    const campaign = h.world.campaigns(acct)[3]!;
    const filtering = JSON.stringify([{ field: 'campaign.id', operator: 'IN', value: [campaign.id] }]);
    const viaFilter = await getAll(h.app, `/act_${acct.id}/adsets`, token, { fields: 'id,campaign_id', filtering, limit: '2' });
    expect(viaFilter.rows.map((r) => r.id)).toEqual(h.world.adSets(acct).filter((s) => s.campaignId === campaign.id).map((s) => s.id));
    const viaCampaign = (await get(h.app, `/${campaign.id}/ads`, token, { limit: '100' })).json().data;
    expect(viaCampaign).toHaveLength(20);
  });

  it('filters by effective_status, which follows the parents\' status', async () => {
    const campaign = h.world.campaigns(acct).find((c) => c.status === 'ACTIVE')!;
    h.world.setStatus(acct, 'campaign', campaign.id, 'PAUSED');
    const paused = await getAll(h.app, `/act_${acct.id}/ads`, token, { fields: 'id,effective_status', effective_status: '["CAMPAIGN_PAUSED"]', limit: '500' });
    const expectedIds = h.world.ads(acct).filter((a) => a.campaignId === campaign.id && a.status === 'ACTIVE').map((a) => a.id);
    expect(paused.rows.map((r) => r.id)).toEqual(expect.arrayContaining(expectedIds));
    expect(paused.rows.every((r) => r.effective_status === 'CAMPAIGN_PAUSED')).toBe(true);
    expect(graphError(await get(h.app, `/act_${acct.id}/ads`, token, { effective_status: '["SLEEPING"]' }))).toMatchObject({ code: 100 });
    h.world.setStatus(acct, 'campaign', campaign.id, 'ACTIVE');
  });

  it('counts with summary=true and reads single nodes', async () => {
    const body = (await get(h.app, `/act_${acct.id}/adsets`, token, { summary: 'true', limit: '1' })).json();
    expect(body.summary).toEqual({ total_count: 100 });
    const ad = h.world.ads(acct)[5]!;
    expect((await get(h.app, `/${ad.id}`, token, { fields: 'id,name,status,adset{id,name}' })).json()).toEqual({
      id: ad.id,
      name: ad.name,
      status: ad.status,
      adset: { id: ad.adSetId, name: h.world.entity(acct, 'ad_set', ad.adSetId)!.name },
    });
    expect(graphError(await get(h.app, `/${ad.id}`, token, { fields: 'daily_budget' }))).toMatchObject({ code: 100, message: '(#100) Tried accessing nonexisting field (daily_budget) on node type (Ad)' });
  });

  it('recounts a filtered summary after a mutation (counts are kept only until then)', async () => {
    const params = { summary: 'total_count', limit: '1', effective_status: '["PAUSED"]' };
    const count = async () => (await get(h.app, `/act_${acct.id}/campaigns`, token, params)).json().summary.total_count as number;
    const before = await count();
    const campaign = h.world.campaigns(acct).find((c) => c.status === 'ACTIVE')!;
    h.world.setStatus(acct, 'campaign', campaign.id, 'PAUSED');
    expect(await count()).toBe(before + 1);
    h.world.setStatus(acct, 'campaign', campaign.id, 'ACTIVE');
    expect(await count()).toBe(before);
  });

  it('serves a page deep into the 10,000-ad account at the cost of one page', async () => {
    const scaleToken = await login(h.app, { person: 'scale' });
    const scale = h.world.accountsOf('meta', 'scale')[0]!;
    const first = (await get(h.app, `/act_${scale.id}/ads`, scaleToken, { limit: '500' })).json();
    let after = first.paging.cursors.after as string;
    for (let i = 0; i < 5; i++) after = (await get(h.app, `/act_${scale.id}/ads`, scaleToken, { limit: '500', after })).json().paging.cursors.after;
    const started = performance.now();
    const page = (await get(h.app, `/act_${scale.id}/ads`, scaleToken, { limit: '500', after, fields: 'id,effective_status' })).json();
    expect(performance.now() - started).toBeLessThan(300);
    expect(page.data[0].id).toBe(h.world.ads(scale)[3000]!.id);
    const adSet = h.world.adSets(scale)[1999]!;
    const kids = (await get(h.app, `/${adSet.id}/ads`, scaleToken)).json().data;
    expect(kids.map((k: { id: string }) => k.id)).toEqual(h.world.ads(scale).filter((a) => a.adSetId === adSet.id).map((a) => a.id));
  });
});
