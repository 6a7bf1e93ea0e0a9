import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DayNumbers, World, WorldAccount } from '../../world/index.js';
import { addTikTokAccount, get, tiktokSandbox, tokenFor, type PageInfo } from './test-support.js';

interface Row {
  dimensions: Record<string, string>;
  metrics: Record<string, string>;
}
type Report = { list: Row[]; page_info: PageInfo };

let app: FastifyInstance;
let world: World;
let acct: WorldAccount;
let token: string;
const START = '2026-10-27';
const END = '2026-11-25';
let dates: string[];

beforeAll(async () => {
  ({ app, world } = await tiktokSandbox());
  acct = addTikTokAccount(world);
  token = tokenFor(world, [acct]);
  dates = [];
  for (let d = Date.parse(`${START}T00:00:00Z`); d <= Date.parse(`${END}T00:00:00Z`); d += 86_400_000) dates.push(new Date(d).toISOString().slice(0, 10));
});
afterAll(() => app.close());

const METRICS = ['spend', 'impressions', 'clicks', 'complete_payment', 'total_purchase_value', 'registration', 'conversion'];
const report = (params: Record<string, unknown>) =>
  get<Report>(app, token, '/report/integrated/get/', { advertiser_id: acct.id, report_type: 'BASIC', service_type: 'AUCTION', metrics: METRICS, start_date: START, end_date: END, page_size: 1000, ...params });

async function allRows(params: Record<string, unknown>): Promise<{ rows: Row[]; info: PageInfo }> {
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const { body } = await report({ ...params, page });
    expect(body.code, body.message).toBe(0);
    rows.push(...body.data.list);
    if (page >= body.data.page_info.total_page) return { rows, info: body.data.page_info };
  }
}

const cents = (s: string) => Math.round(Number(s) * 100);
const asNumbers = (m: Record<string, string>): DayNumbers => ({
  spendMinor: cents(m.spend!), impressions: Number(m.impressions), clicks: Number(m.clicks),
  purchases: Number(m.complete_payment), revenueMinor: cents(m.total_purchase_value!), leads: Number(m.registration),
});
const empty = (n: DayNumbers) => n.impressions + n.clicks + n.spendMinor + n.purchases + n.leads + n.revenueMinor === 0;
const nonEmptyAdDays = () => world.ads(acct).reduce((k, ad) => k + dates.filter((d) => !empty(world.adDay(acct, ad.id, d))).length, 0);

describe('TikTok report/integrated/get', () => {
  it('daily ad rows add up to world.sumDay for every day, in major-unit strings, empty rows left out', async () => {
    const { rows, info } = await allRows({ data_level: 'AUCTION_AD', dimensions: ['ad_id', 'stat_time_day'] });
    expect(info.total_number).toBe(rows.length);
    expect(info.total_number).toBe(nonEmptyAdDays());
    expect(new Set(rows.map((r) => `${r.dimensions.ad_id}|${r.dimensions.stat_time_day}`)).size).toBe(rows.length);
    const byDay = new Map<string, DayNumbers>();
    for (const r of rows) {
      expect(r.dimensions.stat_time_day).toMatch(/^\d{4}-\d\d-\d\d 00:00:00$/);
      expect(r.metrics.spend).toMatch(/^\d+\.\d\d$/);
      const n = asNumbers(r.metrics);
      expect(empty(n)).toBe(false);
      expect(Number(r.metrics.conversion)).toBe(n.purchases + n.leads);
      const day = r.dimensions.stat_time_day!.slice(0, 10);
      const sum = byDay.get(day) ?? { spendMinor: 0, impressions: 0, clicks: 0, purchases: 0, revenueMinor: 0, leads: 0 };
      for (const k of Object.keys(sum) as Array<keyof DayNumbers>) sum[k] += n[k];
      byDay.set(day, sum);
    }
    for (const d of dates) {
      const expected = world.sumDay(acct, 'account', null, d);
      expect(byDay.get(d) ?? { spendMinor: 0, impressions: 0, clicks: 0, purchases: 0, revenueMinor: 0, leads: 0 }, d).toEqual(expected);
    }
  });

  it('campaign rows equal sumDay per campaign and day; advertiser rows the account', async () => {
    const { rows } = await allRows({ data_level: 'AUCTION_CAMPAIGN', dimensions: ['campaign_id', 'stat_time_day'], metrics: [...METRICS, 'campaign_name'] });
    for (const r of rows.slice(0, 50)) {
      const c = world.entity(acct, 'campaign', r.dimensions.campaign_id!)!;
      expect(r.metrics.campaign_name).toBe(c.name);
      expect(asNumbers(r.metrics)).toEqual(world.sumDay(acct, 'campaign', c.id, r.dimensions.stat_time_day!.slice(0, 10)));
    }
    const adv = await allRows({ data_level: 'AUCTION_ADVERTISER', dimensions: ['advertiser_id', 'stat_time_day'] });
    for (const r of adv.rows) {
      expect(r.dimensions.advertiser_id).toBe(acct.id);
      expect(asNumbers(r.metrics)).toEqual(world.sumDay(acct, 'account', null, r.dimensions.stat_time_day!.slice(0, 10)));
    }
  });

  it('without stat_time_day, rows are totals over the range', async () => {
    const c = world.campaigns(acct)[0]!;
    const { body } = await report({ data_level: 'AUCTION_CAMPAIGN', dimensions: ['campaign_id'], filtering: [{ field_name: 'campaign_ids', filter_type: 'IN', filter_value: JSON.stringify([c.id]) }] });
    expect(body.data.list).toHaveLength(1);
    const total = dates.map((d) => world.sumDay(acct, 'campaign', c.id, d)).reduce((a, b) => ({
      spendMinor: a.spendMinor + b.spendMinor, impressions: a.impressions + b.impressions, clicks: a.clicks + b.clicks,
      purchases: a.purchases + b.purchases, revenueMinor: a.revenueMinor + b.revenueMinor, leads: a.leads + b.leads,
    }));
    expect(asNumbers(body.data.list[0]!.metrics)).toEqual(total);
  });

  it('a status change shows in the next report (the cached row count is not reused)', async () => {
    const before = await report({ data_level: 'AUCTION_AD', dimensions: ['ad_id', 'stat_time_day'], page: 2 });
    const target = world.campaigns(acct)[0]!;
    world.setStatus(acct, 'campaign', target.id, 'PAUSED');
    const after = await report({ data_level: 'AUCTION_AD', dimensions: ['ad_id', 'stat_time_day'], page: 2 });
    expect(after.body.data.page_info.total_number).toBe(nonEmptyAdDays());
    expect(after.body.data.page_info.total_number).toBeLessThanOrEqual(before.body.data.page_info.total_number);
    world.setStatus(acct, 'campaign', target.id, 'ACTIVE');
  });

  it.each([
    ['31 days with stat_time_day', { start_date: '2026-10-26' }, /30 days/],
    ['end before start', { start_date: '2026-11-25', end_date: '2026-11-01' }, /end_date/],
    ['no report_type', { report_type: '' }, /report_type/],
    ['an unknown metric', { metrics: ['spend', 'nope'] }, /nope/],
    ['a dimension of another level', { dimensions: ['adgroup_id', 'stat_time_day'] }, /adgroup_id/],
    ['a bad date', { start_date: '2026-13-01' }, /start_date/],
    ['page_size over 1000', { page_size: 1001 }, /page_size/],
    ['an attribute metric above its level', { data_level: 'AUCTION_CAMPAIGN', dimensions: ['campaign_id'], metrics: ['ad_name'] }, /ad_name/],
  ])('refuses %s with 40002', async (_l, params, message) => {
    const { res, body } = await report({ data_level: 'AUCTION_AD', dimensions: ['ad_id', 'stat_time_day'], ...params });
    expect(res.statusCode).toBe(200);
    expect(body.code).toBe(40002);
    expect(body.message).toMatch(message);
  });

  it('stays cheap on 10,000 ads × 30 days: one counting pass, then each page costs its rows', async () => {
    const scale = world.accountsOf('tiktok', 'scale')[0]!;
    const t = tokenFor(world, [scale], 'scale');
    const q = (page: number) => get<Report>(app, t, '/report/integrated/get/', {
      advertiser_id: scale.id, report_type: 'BASIC', data_level: 'AUCTION_AD', dimensions: ['ad_id', 'stat_time_day'], metrics: ['spend', 'impressions'],
      start_date: START, end_date: END, page, page_size: 1000,
    });
    const first = await q(1);
    expect(first.body.data.page_info.total_number).toBeGreaterThan(50_000);
    const started = performance.now();
    for (const page of [2, 50, first.body.data.page_info.total_page]) {
      const { body } = await q(page);
      expect(body.data.list.length).toBeGreaterThan(0);
    }
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
