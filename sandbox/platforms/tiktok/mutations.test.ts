import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { World, WorldAccount, WorldAdSet, WorldCampaign } from '../../world/index.js';
import { FIXED_NOW } from '../../world/test-clock.js';
import { addTikTokAccount, get, post, tiktokSandbox, tokenFor, type PageInfo } from './test-support.js';

type Page = { list: Array<Record<string, unknown>>; page_info: PageInfo };

let app: FastifyInstance;
let clock: Awaited<ReturnType<typeof tiktokSandbox>>['clock'];
let world: World;
let acct: WorldAccount;
let token: string;
let cbo: WorldCampaign;
let plain: WorldCampaign;
let budgetGroup: WorldAdSet;
beforeAll(async () => {
  ({ app, world, clock } = await tiktokSandbox());
  acct = addTikTokAccount(world, { campaigns: 8, adSetsPerCampaign: 2, adsPerAdSet: 2 });
  token = tokenFor(world, [acct]);
  cbo = world.campaigns(acct).find((c) => c.dailyBudgetMinor !== null)!;
  plain = world.campaigns(acct).find((c) => c.dailyBudgetMinor === null)!;
  budgetGroup = world.adSets(acct).find((g) => g.dailyBudgetMinor !== null)!;
});
beforeEach(() => world.received.clear('mutations'));
afterAll(() => app.close());

const campaign = async (id: string) => (await get<Page>(app, token, '/campaign/get/', { advertiser_id: acct.id, filtering: { campaign_ids: [id] } })).body.data.list[0]!;
const adgroup = async (id: string) => (await get<Page>(app, token, '/adgroup/get/', { advertiser_id: acct.id, filtering: { adgroup_ids: [id] } })).body.data.list[0]!;
const recorded = () => world.received.list('mutations', 'tiktok');

describe('TikTok mutations', () => {
  it('campaign/update changes the daily budget (major units) and records the request as received', async () => {
    const body = { advertiser_id: acct.id, campaign_id: cbo.id, budget: 123.45 };
    const res = await post(app, token, '/campaign/update/', body);
    expect(res.body).toMatchObject({ code: 0, data: { campaign_id: cbo.id, budget: 123.45 } });
    expect((world.entity(acct, 'campaign', cbo.id) as WorldCampaign).dailyBudgetMinor).toBe(12345);
    expect(await campaign(cbo.id)).toMatchObject({ budget: 123.45, budget_mode: 'BUDGET_MODE_DAY' });
    expect(recorded()).toHaveLength(1);
    expect(recorded()[0]).toMatchObject({ platform: 'tiktok', method: 'POST', path: '/open_api/v1.3/campaign/update/', body });
  });

  it('adgroup/budget/update and adgroup/update change ad group budgets', async () => {
    const res = await post(app, token, '/adgroup/budget/update/', { advertiser_id: acct.id, budget: [{ adgroup_id: budgetGroup.id, budget: 40 }] });
    expect(res.body.code).toBe(0);
    expect(await adgroup(budgetGroup.id)).toMatchObject({ budget: 40 });
    await post(app, token, '/adgroup/update/', { advertiser_id: acct.id, adgroup_id: budgetGroup.id, budget: 41.5 });
    expect((world.entity(acct, 'ad_set', budgetGroup.id) as WorldAdSet).dailyBudgetMinor).toBe(4150);
    expect(recorded().map((r) => r.path)).toEqual(['/open_api/v1.3/adgroup/budget/update/', '/open_api/v1.3/adgroup/update/']);
  });

  it('campaign/status/update pauses and resumes; later reads show it down the tree', async () => {
    const res = await post(app, token, '/campaign/status/update/', { advertiser_id: acct.id, campaign_ids: [plain.id], operation_status: 'DISABLE' });
    expect(res.body).toMatchObject({ code: 0, data: { campaign_ids: [plain.id], status: 'DISABLE' } });
    expect(await campaign(plain.id)).toMatchObject({ operation_status: 'DISABLE', secondary_status: 'CAMPAIGN_STATUS_DISABLE' });
    const groups = await get<Page>(app, token, '/adgroup/get/', { advertiser_id: acct.id, filtering: { campaign_ids: [plain.id] } });
    expect(groups.body.data.list.every((g) => g.secondary_status === 'ADGROUP_STATUS_CAMPAIGN_DISABLE')).toBe(true);
    await post(app, token, '/campaign/status/update/', { advertiser_id: acct.id, campaign_ids: [plain.id], operation_status: 'ENABLE' });
    expect(world.entity(acct, 'campaign', plain.id)!.status).toBe('ACTIVE');
    expect(recorded()).toHaveLength(2);
  });

  it('a pause stops delivery from the next day: the report for that day has no rows for it', async () => {
    await post(app, token, '/adgroup/status/update/', { advertiser_id: acct.id, adgroup_ids: [budgetGroup.id], operation_status: 'DISABLE' });
    expect(world.entity(acct, 'ad_set', budgetGroup.id)!.status).toBe('PAUSED');
    const ad = world.ads(acct).find((a) => a.adSetId === budgetGroup.id)!;
    const res = await post(app, token, '/ad/status/update/', { advertiser_id: acct.id, ad_ids: [ad.id], operation_status: 'DISABLE' });
    expect(res.body).toMatchObject({ code: 0, data: { ad_ids: [ad.id], status: 'DISABLE' } });
    clock.advanceDays(1);
    try {
      const day = world.today(acct);
      const report = (adgroupIds: string[]) =>
        get<{ list: unknown[]; page_info: PageInfo }>(app, token, '/report/integrated/get/', {
          advertiser_id: acct.id, report_type: 'BASIC', data_level: 'AUCTION_ADGROUP', dimensions: ['adgroup_id', 'stat_time_day'], metrics: ['spend'],
          start_date: day, end_date: day, filtering: [{ field_name: 'adgroup_ids', filter_type: 'IN', filter_value: adgroupIds }],
        });
      expect(world.sumDay(acct, 'ad_set', budgetGroup.id, day).impressions).toBe(0);
      expect((await report([budgetGroup.id])).body.data.page_info.total_number).toBe(0);
      const running = world.adSets(acct).filter((g) => g.status === 'ACTIVE' && world.sumDay(acct, 'ad_set', g.id, day).impressions > 0);
      expect((await report(running.map((g) => g.id))).body.data.page_info.total_number).toBe(running.length);
    } finally {
      clock.set(FIXED_NOW.toISOString());
      await post(app, token, '/adgroup/status/update/', { advertiser_id: acct.id, adgroup_ids: [budgetGroup.id], operation_status: 'ENABLE' });
    }
  });

  it.each([
    ['an unknown campaign', '/campaign/status/update/', () => ({ advertiser_id: acct.id, campaign_ids: [cbo.id, '1800000000000000000'], operation_status: 'DISABLE' })],
    ['DELETE', '/campaign/status/update/', () => ({ advertiser_id: acct.id, campaign_ids: [cbo.id], operation_status: 'DELETE' })],
    ['a status word TikTok does not have', '/campaign/status/update/', () => ({ advertiser_id: acct.id, campaign_ids: [cbo.id], operation_status: 'PAUSED' })],
    ['21 ids', '/adgroup/status/update/', () => ({ advertiser_id: acct.id, adgroup_ids: Array.from({ length: 21 }, () => budgetGroup.id), operation_status: 'DISABLE' })],
    ['a budget on a campaign without one', '/campaign/update/', () => ({ advertiser_id: acct.id, campaign_id: plain.id, budget: 50 })],
    ['a change of budget_mode', '/campaign/update/', () => ({ advertiser_id: acct.id, campaign_id: cbo.id, budget_mode: 'BUDGET_MODE_TOTAL' })],
    ['three decimals in USD', '/campaign/update/', () => ({ advertiser_id: acct.id, campaign_id: cbo.id, budget: 10.005 })],
    ['a zero budget', '/adgroup/budget/update/', () => ({ advertiser_id: acct.id, budget: [{ adgroup_id: budgetGroup.id, budget: 0 }] })],
    ['a budget as a string', '/campaign/update/', () => ({ advertiser_id: acct.id, campaign_id: cbo.id, budget: '50' })],
  ])('refuses %s with 40002, changes nothing and records nothing', async (_l, path, body) => {
    const before = JSON.stringify([world.campaigns(acct), world.adSets(acct)]);
    const res = await post(app, token, path, body());
    expect(res.res.statusCode).toBe(200);
    expect(res.body.code).toBe(40002);
    expect(JSON.stringify([world.campaigns(acct), world.adSets(acct)])).toBe(before);
    expect(recorded()).toHaveLength(0);
  });

  it('refuses an advertiser the token cannot reach with 40001', async () => {
    const other = world.accountsOf('tiktok', 'lina')[0]!;
    const c = world.campaigns(other)[0]!;
    const res = await post(app, token, '/campaign/status/update/', { advertiser_id: other.id, campaign_ids: [c.id], operation_status: 'DISABLE' });
    expect(res.body.code).toBe(40001);
    expect(world.entity(other, 'campaign', c.id)!.status).toBe(c.status);
  });
});
