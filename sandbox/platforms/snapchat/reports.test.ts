import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayNumbers, Level, WorldAccount } from '../../world/types.js';
import { accessToken, accountOf, API, bearer, harness, type Harness } from './test-support.js';
import { addDays } from './units.js';

let h: Harness;
let midas: WorldAccount;
let token: string;
beforeAll(async () => {
  h = await harness();
  midas = accountOf(h.world, 'ahmed');
  token = accessToken(h.world, 'ahmed', [midas.id]);
});
afterAll(() => h.app.close());

const FIELDS = 'impressions,swipes,spend,conversion_purchases,conversion_purchases_value,conversion_sign_ups';
/** Midas is in Asia/Riyadh (+03:00, no DST). */
const at = (date: string) => `${date}T00:00:00.000+03:00`;

function stats(path: string, q: Record<string, string>, t = token) {
  return h.app.inject({ url: `${API}${path}/stats?${new URLSearchParams(q).toString()}`, headers: bearer(t) });
}

/** What Snap should show for world numbers: micro-currency for money (SAR: 10,000 micro per halala). */
const expected = (n: DayNumbers, per = 10_000) => ({
  impressions: n.impressions,
  swipes: n.clicks,
  spend: n.spendMinor * per,
  conversion_purchases: n.purchases,
  conversion_purchases_value: n.revenueMinor * per,
  conversion_sign_ups: n.leads,
});

function sumOver(account: WorldAccount, level: Level | 'account', id: string | null, from: string, days: number): DayNumbers {
  const total: DayNumbers = { impressions: 0, clicks: 0, spendMinor: 0, purchases: 0, revenueMinor: 0, leads: 0 };
  for (let i = 0; i < days; i++) {
    const n = h.world.sumDay(account, level, id, addDays(from, i));
    for (const k of Object.keys(total) as Array<keyof DayNumbers>) total[k] += n[k];
  }
  return total;
}

describe('Snapchat stats', () => {
  it('reports an account by DAY in micro-currency with local-midnight times, matching the world', async () => {
    const from = '2026-11-18';
    const res = await stats(`/v1/adaccounts/${midas.id}`, { granularity: 'DAY', start_time: at(from), end_time: at('2026-11-25'), fields: FIELDS });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.request_status.toLowerCase()).toBe('success');
    const stat = body.timeseries_stats[0].timeseries_stat;
    expect(stat).toMatchObject({ id: midas.id, type: 'AD_ACCOUNT', granularity: 'DAY', start_time: '2026-11-18T00:00:00.000+03:00', end_time: '2026-11-25T00:00:00.000+03:00' });
    expect(stat.timeseries).toHaveLength(7);
    stat.timeseries.forEach((row: { start_time: string; end_time: string; stats: unknown }, i: number) => {
      const date = addDays(from, i);
      expect(row.start_time).toBe(at(date));
      expect(row.end_time).toBe(at(addDays(date, 1)));
      expect(row.stats).toEqual(expected(h.world.sumDay(midas, 'account', null, date)));
    });
    expect(stat.timeseries.some((r: { stats: { spend: number } }) => r.stats.spend > 0)).toBe(true);
  });

  it('reports TOTAL for a campaign as the sum of its days', async () => {
    const campaign = h.world.campaigns(midas)[0]!;
    const res = await stats(`/v1/campaigns/${campaign.id}`, { granularity: 'TOTAL', start_time: at('2026-11-01'), end_time: at('2026-11-25'), fields: FIELDS });
    const stat = res.json().total_stats[0].total_stat;
    expect(stat).toMatchObject({ id: campaign.id, type: 'CAMPAIGN', granularity: 'TOTAL' });
    expect(stat.stats).toEqual(expected(sumOver(midas, 'campaign', campaign.id, '2026-11-01', 24)));
  });

  it('breaks a campaign down by ad', async () => {
    const campaign = h.world.campaigns(midas)[1]!;
    const res = await stats(`/v1/campaigns/${campaign.id}`, { granularity: 'DAY', breakdown: 'ad', start_time: at('2026-11-20'), end_time: at('2026-11-24'), fields: 'spend,impressions' });
    const rows = res.json().timeseries_stats[0].timeseries_stat.breakdown_stats.ad;
    const ads = h.world.ads(midas).filter((a) => a.campaignId === campaign.id);
    expect(rows.map((r: { id: string }) => r.id)).toEqual(ads.map((a) => a.id));
    expect(rows[0]).toMatchObject({ type: 'AD', granularity: 'DAY' });
    const spend = rows.reduce((s: number, r: { timeseries: Array<{ stats: { spend: number } }> }) => s + r.timeseries.reduce((x, d) => x + d.stats.spend, 0), 0);
    expect(spend).toBe(sumOver(midas, 'campaign', campaign.id, '2026-11-20', 4).spendMinor * 10_000);
    expect(Object.keys(rows[0].timeseries[0].stats)).toEqual(['spend', 'impressions']);
  });

  it('breaks the 10,000-ad account down by ad for 30 days, streamed, with totals equal to the world', async () => {
    const scale = accountOf(h.world, 'scale');
    const t = accessToken(h.world, 'scale', [scale.id]);
    const from = '2026-10-26';
    const started = Date.now();
    const res = await stats(`/v1/adaccounts/${scale.id}`, { granularity: 'DAY', breakdown: 'ad', start_time: at(from), end_time: at('2026-11-25'), fields: 'spend,swipes' }, t);
    const elapsed = Date.now() - started;
    expect(res.statusCode).toBe(200);
    const rows = res.json().timeseries_stats[0].timeseries_stat.breakdown_stats.ad as Array<{ timeseries: Array<{ stats: { spend: number; swipes: number } }> }>;
    expect(rows).toHaveLength(10_000);
    let spend = 0;
    let swipes = 0;
    for (const r of rows) for (const d of r.timeseries) {
      spend += d.stats.spend;
      swipes += d.stats.swipes;
    }
    const world = sumOver(scale, 'account', null, from, 30);
    expect(spend).toBe(world.spendMinor * 10_000);
    expect(swipes).toBe(world.clicks);
    // Generous: other suites share the CPU; alone it takes about one second.
    expect(elapsed).toBeLessThan(8000);
  });

  it('omits rows without delivery when omit_empty=true', async () => {
    const campaign = h.world.campaigns(midas)[0]!;
    // Before the account's first day nothing delivered.
    const before = addDays(midas.startDate, -10);
    const q = { granularity: 'TOTAL', breakdown: 'ad', start_time: at(before), end_time: at(addDays(before, 5)) };
    const all = (await stats(`/v1/campaigns/${campaign.id}`, q)).json().total_stats[0].total_stat.breakdown_stats.ad;
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((r: { stats: { spend: number } }) => r.stats.spend === 0)).toBe(true);
    const omitted = (await stats(`/v1/campaigns/${campaign.id}`, { ...q, omit_empty: 'true' })).json().total_stats[0].total_stat.breakdown_stats.ad;
    expect(omitted).toEqual([]);
  });

  it.each([
    ['a start that is not local midnight', { start_time: '2026-11-18T00:00:00.000Z', end_time: at('2026-11-20') }],
    ['a time without offset', { start_time: '2026-11-18T00:00:00', end_time: at('2026-11-20') }],
    ['more than 31 days', { start_time: at('2026-10-01'), end_time: at('2026-11-20') }],
    ['an end before the start', { start_time: at('2026-11-20'), end_time: at('2026-11-18') }],
    ['an end after tomorrow', { start_time: at('2026-11-20'), end_time: at('2026-11-28') }],
    ['an unknown field', { start_time: at('2026-11-18'), end_time: at('2026-11-20'), fields: 'spend,reach' }],
    ['HOUR granularity', { granularity: 'HOUR', start_time: at('2026-11-18'), end_time: at('2026-11-19') }],
    ['a breakdown by campaign under a campaign', { breakdown: 'campaign', start_time: at('2026-11-18'), end_time: at('2026-11-20') }],
  ])('refuses %s with 400', async (_name, q) => {
    const campaign = h.world.campaigns(midas)[0]!;
    const res = await stats(`/v1/campaigns/${campaign.id}`, { granularity: 'DAY', ...q });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ request_status: 'ERROR', error_code: 'E1001', debug_message: expect.any(String) });
  });

  it('reports one ad, and refuses a breakdown on it', async () => {
    const ad = h.world.ads(midas)[0]!;
    const q = { granularity: 'DAY', start_time: at('2026-11-22'), end_time: at('2026-11-24'), fields: FIELDS };
    const rows = (await stats(`/v1/ads/${ad.id}`, q)).json().timeseries_stats[0].timeseries_stat.timeseries;
    expect(rows.map((r: { stats: unknown }) => r.stats)).toEqual(['2026-11-22', '2026-11-23'].map((d) => expected(h.world.adDay(midas, ad.id, d))));
    expect((await stats(`/v1/ads/${ad.id}`, { ...q, breakdown: 'ad' })).statusCode).toBe(400);
  });
});
