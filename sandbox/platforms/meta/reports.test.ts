import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayNumbers, WorldAccount } from '../../world/index.js';
import { get, getAll, graphError, GRAPH, harness, login, postForm, type Harness } from './testkit.js';
import { addDays, majorString } from './units.js';

let h: Harness;
let token: string;
let acct: WorldAccount;
let today: string;
beforeAll(async () => {
  h = await harness();
  acct = h.world.addAccount({
    platform: 'meta',
    name: 'Report Test',
    currency: 'USD',
    timeZone: 'America/New_York',
    business: 'Report Co',
    size: { campaigns: 20, adSetsPerCampaign: 5, adsPerAdSet: 4 },
    ownerIds: ['ahmed'],
    startDate: '2026-11-10',
  });
  token = await login(h.app);
  today = h.world.today(acct);
});
afterAll(() => h.app.close());

type Row = Record<string, unknown> & { date_start: string; actions?: Array<{ action_type: string; value: string }>; action_values?: Array<{ action_type: string; value: string }> };

const cents = (s: unknown): number => Number(String(s).replace('.', ''));
const action = (row: Row, type: string, list: 'actions' | 'action_values' = 'actions') => row[list]?.find((a) => a.action_type === type)?.value;

const FIELDS = 'account_id,campaign_id,adset_id,ad_id,spend,impressions,clicks,inline_link_clicks,actions,action_values,date_start,date_stop,account_currency';
const range = (since: string, until: string) => JSON.stringify({ since, until });

function total(rows: Row[]): DayNumbers {
  const t = { impressions: 0, clicks: 0, spendMinor: 0, purchases: 0, revenueMinor: 0, leads: 0 };
  for (const r of rows) {
    t.impressions += Number(r.impressions);
    t.clicks += Number(r.inline_link_clicks);
    t.spendMinor += cents(r.spend);
    t.purchases += Number(action(r, 'omni_purchase') ?? 0);
    t.revenueMinor += cents(action(r, 'omni_purchase', 'action_values') ?? '0');
    t.leads += Number(action(r, 'lead') ?? 0);
  }
  return t;
}

describe('Insights', () => {
  it('per-ad daily rows add up to the world\'s numbers for every day', async () => {
    const since = addDays(today, -14);
    const until = addDays(today, -1);
    const { rows } = await getAll(h.app, `/act_${acct.id}/insights`, token, { level: 'ad', time_increment: '1', time_range: range(since, until), fields: FIELDS, limit: '500', action_attribution_windows: '["7d_click","1d_view"]' });
    for (let d = since; d <= until; d = addDays(d, 1)) {
      const day = (rows as Row[]).filter((r) => r.date_start === d);
      expect(total(day), d).toEqual(h.world.sumDay(acct, 'account', null, d));
    }
    const sample = (rows as Row[]).find((r) => r.actions?.some((a) => a.action_type === 'purchase'))!;
    expect(sample).toMatchObject({ account_id: acct.id, account_currency: 'USD', date_stop: sample.date_start });
    expect(action(sample, 'purchase')).toBe(action(sample, 'omni_purchase'));
    expect(action(sample, 'offsite_conversion.fb_pixel_purchase')).toBe(action(sample, 'omni_purchase'));
    expect(action(sample, 'purchase', 'action_values')).toBe(action(sample, 'omni_purchase', 'action_values'));
    expect(Number(sample.clicks)).toBeGreaterThanOrEqual(Number(sample.inline_link_clicks));
    const n = h.world.adDay(acct, String(sample.ad_id), sample.date_start);
    expect(sample.spend).toBe(majorString(n.spendMinor, 'USD'));
  });

  it('leaves out rows with no delivery (days before the account started)', async () => {
    const { rows } = await getAll(h.app, `/act_${acct.id}/insights`, token, { level: 'campaign', time_increment: '1', time_range: range('2026-11-01', addDays(today, -1)), fields: 'campaign_id,spend,impressions', limit: '1000' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => (r.date_start as string) >= '2026-11-10')).toBe(true);
    expect(rows.every((r) => Number(r.impressions) > 0 || cents(r.spend) > 0)).toBe(true);
  });

  it('account level with a date preset gives one row a day; lead actions carry both aliases', async () => {
    const res = await get(h.app, `/act_${acct.id}/insights`, token, { level: 'account', time_increment: '1', date_preset: 'last_7d', fields: 'spend,impressions,actions' });
    expect(res.headers['x-fb-ads-insights-throttle']).toBeDefined();
    const rows = res.json().data as Row[];
    expect(rows.map((r) => r.date_start)).toEqual(Array.from({ length: 7 }, (_, i) => addDays(today, i - 7)));
    for (const r of rows) {
      const n = h.world.sumDay(acct, 'account', null, r.date_start);
      expect(r.spend).toBe(majorString(n.spendMinor, 'USD'));
      if (n.leads > 0) expect([action(r, 'lead'), action(r, 'offsite_conversion.fb_pixel_lead')]).toEqual([String(n.leads), String(n.leads)]);
    }
  });

  it('sums a range into one row without time_increment, and into one row per campaign from the campaign node', async () => {
    const since = addDays(today, -5);
    const until = addDays(today, -1);
    const all = (await get(h.app, `/act_${acct.id}/insights`, token, { time_range: range(since, until), fields: 'spend,impressions' })).json().data as Row[];
    expect(all).toHaveLength(1);
    let spend = 0;
    for (let d = since; d <= until; d = addDays(d, 1)) spend += h.world.sumDay(acct, 'account', null, d).spendMinor;
    expect(all[0]).toMatchObject({ spend: majorString(spend, 'USD'), date_start: since, date_stop: until });

    const campaign = h.world.campaigns(acct).find((c) => h.world.sumDay(acct, 'campaign', c.id, until).spendMinor > 0)!;
    const viaNode = (await get(h.app, `/${campaign.id}/insights`, token, { level: 'adset', time_increment: '1', time_range: range(until, until), fields: 'adset_id,campaign_id,spend', limit: '100' })).json().data as Row[];
    expect(viaNode.every((r) => r.campaign_id === campaign.id)).toBe(true);
    expect(viaNode.reduce((s, r) => s + cents(r.spend), 0)).toBe(h.world.sumDay(acct, 'campaign', campaign.id, until).spendMinor);
  });

  it.each([
    ['a level above the node', (ad: string) => [`/${ad}/insights`, { level: 'campaign' }], { code: 1, error_subcode: 99 }, 500],
    ['an unknown level', () => [`/act_ACC/insights`, { level: 'keyword' }], { code: 100 }, 400],
    ['an unknown field', () => [`/act_ACC/insights`, { fields: 'spend,happiness' }], { code: 100 }, 400],
    ['a start beyond 37 months', () => [`/act_ACC/insights`, { time_range: range('2022-01-01', '2022-01-31') }], { code: 3018 }, 400],
    ['since after until', () => [`/act_ACC/insights`, { time_range: range('2026-11-10', '2026-11-01') }], { code: 100 }, 400],
    ['an unknown preset', () => [`/act_ACC/insights`, { date_preset: 'last_fortnight' }], { code: 100 }, 400],
    ['too much data at once', () => [`/act_ACC/insights`, { level: 'ad', date_preset: 'maximum', time_increment: '1', limit: '5000' }], { code: 1, error_subcode: 99 }, 500],
  ] as const)('refuses %s', async (_what, build, error, status) => {
    const [path, params] = build(h.world.ads(acct)[0]!.id) as [string, Record<string, string>];
    const res = await get(h.app, path.replace('ACC', acct.id), token, params);
    expect(res.statusCode).toBe(status);
    expect(graphError(res)).toMatchObject(error);
  });

  it('runs the same report asynchronously', async () => {
    const params = { level: 'campaign', time_increment: '1', date_preset: 'last_3d', fields: 'campaign_id,spend' };
    const started = await postForm(h.app, `${GRAPH}/act_${acct.id}/insights`, { ...params, access_token: token });
    const runId = started.json().report_run_id as string;
    expect(runId).toMatch(/^\d+$/);
    expect((await get(h.app, `/${runId}`, token)).json()).toMatchObject({ id: runId, async_status: 'Job Completed', async_percent_completion: 100 });
    const viaRun = await getAll(h.app, `/${runId}/insights`, token, { limit: '7' });
    const direct = await getAll(h.app, `/act_${acct.id}/insights`, token, { ...params, limit: '1000' });
    expect(viaRun.rows).toEqual(direct.rows);
    expect(viaRun.pages).toBeGreaterThan(1);
  });

  it('pages a 10,000-ad report lazily: a page costs about the same wherever it starts', async () => {
    const scaleToken = await login(h.app, { person: 'scale' });
    const scale = h.world.accountsOf('meta', 'scale')[0]!;
    const params = { level: 'ad', time_increment: '1', date_preset: 'last_30d', fields: 'ad_id,spend,impressions,actions', limit: '200' };
    const first = await get(h.app, `/act_${scale.id}/insights`, scaleToken, params);
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.data).toHaveLength(200);
    const started = performance.now();
    const second = await get(h.app, `/act_${scale.id}/insights`, scaleToken, { ...params, after: body.paging.cursors.after });
    expect(performance.now() - started).toBeLessThan(300);
    expect(second.json().data).toHaveLength(200);
    expect(second.json().data[0]).not.toEqual(body.data[0]);
  });
});
