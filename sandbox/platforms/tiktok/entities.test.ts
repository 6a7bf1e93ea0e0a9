import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { World, WorldAccount } from '../../world/index.js';
import { addTikTokAccount, get, tiktokSandbox, tokenFor, type PageInfo } from './test-support.js';

type Page = { list: Array<Record<string, unknown>>; page_info: PageInfo };

let app: FastifyInstance;
let world: World;
let big: WorldAccount;
let token: string;
beforeAll(async () => {
  ({ app, world } = await tiktokSandbox());
  big = addTikTokAccount(world);
  token = tokenFor(world, [big]);
});
afterAll(() => app.close());

const list = (path: string, params: Record<string, unknown> = {}) => get<Page>(app, token, path, { advertiser_id: big.id, ...params });

describe('TikTok entities', () => {
  it('pages through 400 ads with page / page_size and page_info, every ad exactly once in the world order', async () => {
    const seen: string[] = [];
    let info: PageInfo | undefined;
    for (let page = 1; ; page++) {
      const { body } = await list('/ad/get/', { page, page_size: 150 });
      expect(body.code).toBe(0);
      info = body.data.page_info;
      seen.push(...body.data.list.map((r) => String(r.ad_id)));
      if (page >= info.total_page) break;
    }
    expect(info).toEqual({ page: 3, page_size: 150, total_number: 400, total_page: 3 });
    expect(seen).toEqual(world.ads(big).map((a) => a.id));
    const past = await list('/ad/get/', { page: 4, page_size: 150 });
    expect(past.body.data.list).toEqual([]);
  });

  it('defaults to page 1 of 10, and refuses page_size above 1000 or page 0', async () => {
    const { body } = await list('/campaign/get/');
    expect(body.data.page_info).toEqual({ page: 1, page_size: 10, total_number: 20, total_page: 2 });
    expect((await list('/campaign/get/', { page_size: 1001 })).body.code).toBe(40002);
    expect((await list('/campaign/get/', { page: 0 })).body.code).toBe(40002);
    expect((await list('/campaign/get/', { page_size: 1000 })).body.code).toBe(0);
  });

  it('shows campaigns with budgets in major units and TikTok statuses', async () => {
    const c = world.campaigns(big).find((x) => x.dailyBudgetMinor !== null)!;
    const { body } = await list('/campaign/get/', { filtering: { campaign_ids: [c.id] } });
    expect(body.data.list).toHaveLength(1);
    expect(body.data.list[0]).toMatchObject({
      campaign_id: c.id, campaign_name: c.name, advertiser_id: big.id, budget: c.dailyBudgetMinor! / 100, budget_mode: 'BUDGET_MODE_DAY',
      operation_status: c.status === 'ACTIVE' ? 'ENABLE' : 'DISABLE',
    });
    expect(String(body.data.list[0]!.create_time)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(typeof body.data.list[0]!.budget).toBe('number');
  });

  it('filters ad groups by campaign_ids and returns only the requested fields', async () => {
    const [c1, c2] = world.campaigns(big);
    const { body } = await list('/adgroup/get/', { filtering: { campaign_ids: [c1!.id, c2!.id] }, fields: ['adgroup_id', 'campaign_id', 'budget'], page_size: 100 });
    const expected = world.adSets(big).filter((g) => g.campaignId === c1!.id || g.campaignId === c2!.id);
    expect(body.data.page_info.total_number).toBe(expected.length);
    expect(body.data.list.map((r) => r.adgroup_id)).toEqual(expected.map((g) => g.id));
    expect(Object.keys(body.data.list[0]!).sort()).toEqual(['adgroup_id', 'budget', 'campaign_id']);
  });

  it('filters ads by adgroup_ids and by status', async () => {
    const g = world.adSets(big)[3]!;
    const { body } = await list('/ad/get/', { filtering: { adgroup_ids: [g.id] } });
    expect(body.data.list.map((r) => r.ad_id)).toEqual(world.ads(big).filter((a) => a.adSetId === g.id).map((a) => a.id));

    const target = world.campaigns(big)[5]!;
    world.setStatus(big, 'campaign', target.id, 'PAUSED');
    const disabled = await list('/campaign/get/', { filtering: { secondary_status: 'CAMPAIGN_STATUS_DISABLE' }, page_size: 100 });
    expect(disabled.body.data.list.map((r) => r.campaign_id)).toContain(target.id);
    expect(disabled.body.data.list.every((r) => r.operation_status === 'DISABLE')).toBe(true);
    const groups = await list('/adgroup/get/', { filtering: { campaign_ids: [target.id] } });
    expect(groups.body.data.list.every((r) => r.secondary_status === 'ADGROUP_STATUS_CAMPAIGN_DISABLE')).toBe(true);
    const delivering = await list('/ad/get/', { filtering: { campaign_ids: [target.id], primary_status: 'STATUS_DELIVERY_OK' } });
    expect(delivering.body.data.page_info.total_number).toBe(0);
    world.setStatus(big, 'campaign', target.id, 'ACTIVE');
    // The same filter again: what it selected before the change must not be reused.
    const again = await list('/ad/get/', { filtering: { campaign_ids: [target.id], primary_status: 'STATUS_DELIVERY_OK' } });
    expect(again.body.data.page_info.total_number).toBeGreaterThan(0);
  });

  it('accepts the Python-style lists some connectors send', async () => {
    const { body } = await list('/campaign/get/', { fields: "['campaign_id']", filtering: "{'secondary_status': 'CAMPAIGN_STATUS_ALL'}" });
    expect(body.code).toBe(0);
    expect(Object.keys(body.data.list[0]!)).toEqual(['campaign_id']);
  });

  it.each([
    ['broken filtering JSON', { filtering: '{"campaign_ids":' }],
    ['an unknown field', { fields: ['campaign_id', 'nope'] }],
    ['a secondary status of another level', { filtering: { secondary_status: 'AD_STATUS_ALL' } }],
    ['an unknown primary status', { filtering: { primary_status: 'STATUS_SOMETHING' } }],
    ['no advertiser_id', { advertiser_id: '' }],
  ])('refuses %s with 40002', async (_l, params) => {
    expect((await list('/campaign/get/', params)).body.code).toBe(40002);
  });

  it('pages the large account at a cost of the page, not the account', async () => {
    const scale = world.accountsOf('tiktok', 'scale')[0]!;
    const t = tokenFor(world, [scale], 'scale');
    await get(app, t, '/ad/get/', { advertiser_id: scale.id, page_size: 1 });
    const started = performance.now();
    for (let page = 1; page <= 10; page++) {
      const { body } = await get<Page>(app, t, '/ad/get/', { advertiser_id: scale.id, page, page_size: 1000 });
      expect(body.data.list).toHaveLength(1000);
    }
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
