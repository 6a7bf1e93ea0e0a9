import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { World, WorldAccount } from '../../world/index.js';
import { dayDate, dayNumber, minorToMicros } from './units.js';
import { firstError, post, sandbox, search, tokensFor } from './test-support.js';

let app: FastifyInstance;
let world: World;
let token: string;
let midas: WorldAccount;
let scaleToken: string;
let scale: WorldAccount;

beforeAll(async () => {
  ({ app, world } = await sandbox());
  token = (await tokensFor(app, 'ahmed')).access;
  midas = world.accountsOf('google', 'ahmed')[0]!;
  scaleToken = (await tokensFor(app, 'scale')).access;
  scale = world.accountsOf('google', 'scale')[0]!;
});
afterAll(() => app.close());

type Row = Record<string, Record<string, unknown>>;
const stream = async (t: string, cid: string, query: string): Promise<Row[]> => {
  const res = await post(app, `customers/${cid}/googleAds:searchStream`, { token: t, body: { query } });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Array<{ results?: Row[] }>).flatMap((c) => c.results ?? []);
};
const days = (acc: WorldAccount, n: number): string[] => {
  const today = dayNumber(world.today(acc));
  return Array.from({ length: n }, (_, i) => dayDate(today - n + i));
};

describe('entities', () => {
  it('reads campaigns with their campaign budgets in micros', async () => {
    const rows = await stream(token, midas.id, 'SELECT campaign.id, campaign.name, campaign.status, campaign.advertising_channel_type, campaign.campaign_budget, campaign_budget.amount_micros FROM campaign WHERE campaign.status != \'REMOVED\'');
    const campaigns = world.campaigns(midas);
    expect(rows).toHaveLength(campaigns.length);
    const c = campaigns[0]!;
    expect(rows[0]).toEqual({
      campaign: { resourceName: `customers/${midas.id}/campaigns/${c.id}`, id: c.id, name: c.name, status: c.status === 'ACTIVE' ? 'ENABLED' : 'PAUSED', advertisingChannelType: expect.any(String), campaignBudget: expect.stringMatching(new RegExp(`^customers/${midas.id}/campaignBudgets/\\d+$`)) },
      campaignBudget: { resourceName: rows[0]!.campaign!.campaignBudget, amountMicros: String(c.dailyBudgetMinor! * 10_000) },
    });
  });

  it('filters ad groups and ads by parent and status', async () => {
    const c = world.campaigns(midas)[1]!;
    const groups = await stream(token, midas.id, `SELECT ad_group.id, ad_group.name, ad_group.status, ad_group.campaign, ad_group.cpc_bid_micros FROM ad_group WHERE campaign.id = ${c.id}`);
    expect(groups.map((r) => r.adGroup!.id)).toEqual(world.adSets(midas).filter((s) => s.campaignId === c.id).map((s) => s.id));
    expect(groups[0]!.adGroup!.campaign).toBe(`customers/${midas.id}/campaigns/${c.id}`);
    const ads = await stream(token, midas.id, "SELECT ad_group_ad.ad.id, ad_group_ad.ad.name, ad_group_ad.status, ad_group_ad.ad_group FROM ad_group_ad WHERE ad_group_ad.status = 'ENABLED'");
    const active = world.ads(midas).filter((a) => a.status === 'ACTIVE');
    expect(ads.map((r) => (r.adGroupAd!.ad as { id: string }).id)).toEqual(active.map((a) => a.id));
    const a = active[0]!;
    expect(ads[0]).toEqual({ adGroupAd: { resourceName: `customers/${midas.id}/adGroupAds/${a.adSetId}~${a.id}`, ad: { resourceName: `customers/${midas.id}/ads/${a.id}`, id: a.id, name: a.name }, status: 'ENABLED', adGroup: `customers/${midas.id}/adGroups/${a.adSetId}` } });
  });

  it('pages a large account in fixed 10,000-row pages with opaque, checked tokens', async () => {
    const [d1, d2, d3] = days(scale, 3);
    const q = `SELECT ad_group_ad.ad.id, segments.date, metrics.clicks FROM ad_group_ad WHERE segments.date BETWEEN '${d1}' AND '${d3}'`;
    const pages: Array<{ results?: Row[]; nextPageToken?: string; totalResultsCount?: string }> = [];
    let pageToken: string | undefined;
    do {
      const started = Date.now();
      const res = await search(app, scaleToken, scale.id, q, { ...(pageToken ? { pageToken } : {}), returnTotalResultsCount: pages.length === 0 });
      expect(res.statusCode, res.body).toBe(200);
      // Generous: a page costs its own rows only, but the machine may be busy.
      expect(Date.now() - started).toBeLessThan(5000);
      pages.push(res.json());
      pageToken = res.json().nextPageToken;
    } while (pageToken);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages.slice(0, -1)) expect(p.results).toHaveLength(10_000);
    const rows = pages.flatMap((p) => p.results ?? []);
    expect(String(rows.length)).toBe(pages[0]!.totalResultsCount);
    const clicks = rows.reduce((n, r) => n + Number(r.metrics!.clicks), 0);
    expect(clicks).toBe([d1!, d2!, d3!].reduce((n, d) => n + world.sumDay(scale, 'account', null, d).clicks, 0));
    expect(rows.every((r) => Number(r.metrics!.clicks) > 0)).toBe(true);

    const next = pages[0]!.nextPageToken!;
    const tampered = next.slice(0, 5) + (next[5] === 'A' ? 'B' : 'A') + next.slice(6);
    const bad = await search(app, scaleToken, scale.id, q, { pageToken: tampered });
    expect([bad.statusCode, firstError(bad).errorCode]).toEqual([400, { requestError: 'INVALID_PAGE_TOKEN' }]);
    const otherQuery = await search(app, scaleToken, scale.id, `${q} AND metrics.clicks > 1`, { pageToken: next });
    expect(firstError(otherQuery).errorCode).toEqual({ requestError: 'INVALID_PAGE_TOKEN' });
  });

  it('refuses a page size', async () => {
    const res = await search(app, token, midas.id, 'SELECT campaign.id FROM campaign', { pageSize: 100 });
    expect([res.statusCode, firstError(res).errorCode]).toEqual([400, { requestError: 'PAGE_SIZE_NOT_SUPPORTED' }]);
  });

  it('orders and limits', async () => {
    const res = await search(app, token, midas.id, 'SELECT campaign.id, campaign.name FROM campaign ORDER BY campaign.name DESC LIMIT 2');
    const names = world.campaigns(midas).map((c) => c.name).sort().reverse().slice(0, 2);
    expect(res.json().results.map((r: Row) => r.campaign!.name)).toEqual(names);
  });
});

describe('daily reports', () => {
  it('returns ad-level days whose sums equal the world, in micros, omitting days without delivery', async () => {
    const range = days(midas, 30);
    const rows = await stream(token, midas.id, `SELECT ad_group_ad.ad.id, segments.date, metrics.cost_micros, metrics.impressions, metrics.clicks, metrics.conversions, metrics.conversions_value FROM ad_group_ad WHERE segments.date BETWEEN '${range[0]}' AND '${range[29]}'`);
    for (const date of range) {
      const day = rows.filter((r) => r.segments!.date === date);
      const truth = world.sumDay(midas, 'account', null, date);
      expect(day.reduce((n, r) => n + BigInt(r.metrics!.costMicros as string), 0n)).toBe(BigInt(minorToMicros(truth.spendMinor, 'SAR')));
      expect(day.reduce((n, r) => n + Number(r.metrics!.impressions), 0)).toBe(truth.impressions);
      expect(day.reduce((n, r) => n + (r.metrics!.conversions as number), 0)).toBe(truth.purchases + truth.leads);
      expect(day.reduce((n, r) => n + (r.metrics!.conversionsValue as number), 0)).toBeCloseTo(truth.revenueMinor / 100, 6);
    }
    expect(rows.every((r) => r.metrics!.costMicros !== '0' || r.metrics!.impressions !== '0' || r.metrics!.clicks !== '0' || r.metrics!.conversions !== 0)).toBe(true);
    expect(typeof rows[0]!.metrics!.costMicros).toBe('string');
    expect(typeof rows[0]!.metrics!.conversions).toBe('number');
  });

  it('agrees between DURING LAST_30_DAYS and the same BETWEEN, at campaign level', async () => {
    const range = days(midas, 30);
    const during = await stream(token, midas.id, 'SELECT campaign.id, segments.date, metrics.cost_micros FROM campaign WHERE segments.date DURING LAST_30_DAYS');
    const between = await stream(token, midas.id, `SELECT campaign.id, segments.date, metrics.cost_micros FROM campaign WHERE segments.date BETWEEN '${range[0]}' AND '${range[29]}'`);
    expect(during).toEqual(between);
  });

  it('filters on segments.date without selecting it (a core date segment): one row of sums over the days', async () => {
    const byDay = await stream(token, midas.id, 'SELECT segments.date, metrics.cost_micros FROM customer WHERE segments.date DURING LAST_30_DAYS');
    const total = await stream(token, midas.id, 'SELECT metrics.cost_micros FROM customer WHERE segments.date DURING LAST_30_DAYS');
    const sum = byDay.reduce((n, r) => n + BigInt(String(r.metrics!.costMicros)), 0n);
    expect(sum).toBeGreaterThan(0n);
    expect(total).toHaveLength(1);
    expect(BigInt(String(total[0]!.metrics!.costMicros))).toBe(sum);
  });

  it('splits conversions into purchase and lead actions by conversion_action_category', async () => {
    const [date] = days(midas, 1);
    const rows = await stream(token, midas.id, `SELECT segments.date, segments.conversion_action_category, metrics.conversions, metrics.conversions_value FROM customer WHERE segments.date = '${date}'`);
    const truth = world.sumDay(midas, 'account', null, date!);
    const by = Object.fromEntries(rows.map((r) => [r.segments!.conversionActionCategory, r.metrics]));
    expect(by.PURCHASE?.conversions ?? 0).toBe(truth.purchases);
    expect(by.SUBMIT_LEAD_FORM?.conversions ?? 0).toBe(truth.leads);
    const bad = await search(app, token, midas.id, `SELECT segments.conversion_action_category, metrics.cost_micros FROM customer WHERE segments.date = '${date}'`);
    expect(firstError(bad).errorCode).toEqual({ queryError: 'PROHIBITED_SEGMENT_WITH_METRIC_IN_SELECT_OR_WHERE_CLAUSE' });
  });

  it.each([
    ['an unknown field', 'SELECT campaign.nme FROM campaign', 'UNRECOGNIZED_FIELD'],
    ['an unknown resource', 'SELECT campaign.id FROM campaigns', 'BAD_RESOURCE_TYPE_IN_FROM_CLAUSE'],
    ['a field of an unrelated resource', 'SELECT ad_group.id FROM campaign', 'PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE'],
    ['segments.date without a date range', 'SELECT campaign.id, segments.date, metrics.clicks FROM campaign', 'EXPECTED_FILTERS_ON_DATE_RANGE'],
    ['a bad DURING', 'SELECT metrics.clicks FROM campaign WHERE segments.date DURING LAST_9_DAYS', 'INVALID_VALUE_WITH_DURING_OPERATOR'],
    ['an OR', "SELECT campaign.id FROM campaign WHERE campaign.status = 'ENABLED' OR campaign.status = 'PAUSED'", 'UNEXPECTED_INPUT'],
    ['a bad enum', "SELECT campaign.id FROM campaign WHERE campaign.status = 'ON'", 'BAD_ENUM_CONSTANT'],
    ['no SELECT', 'campaign.id FROM campaign', 'EXPECTED_SELECT'],
  ])('refuses %s with a QueryError', async (_n, q, code) => {
    const res = await search(app, token, midas.id, q);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.status).toBe('INVALID_ARGUMENT');
    expect(firstError(res).errorCode).toEqual({ queryError: code });
  });

  it('wraps searchStream errors in an array', async () => {
    const res = await post(app, `customers/${midas.id}/googleAds:searchStream`, { token, body: { query: 'SELECT nope.id FROM campaign' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()[0].error.details[0].errors[0].errorCode).toEqual({ queryError: 'UNRECOGNIZED_FIELD' });
  });
});
