import { describe, expect, it } from 'vitest';
import { dateOf, dayOf } from './dates.js';
import { FIXED_NOW } from './test-clock.js';
import { WorldError, type DayNumbers, type World, type WorldAccount } from './types.js';
import { createWorld } from './world.js';

const TODAY = '2026-11-25';
const now = () => FIXED_NOW;
const world = createWorld({ now });
const account = (w: World, platform: 'meta' | 'google' | 'tiktok' | 'snapchat', name: string): WorldAccount => {
  const a = w.accounts(platform).find((x) => x.name === name);
  if (!a) throw new Error(`no ${name}`);
  return a;
};
const lastDays = (n: number, until = TODAY) => Array.from({ length: n }, (_, i) => dateOf(dayOf(until) - n + 1 + i));
const anomalyDates = (w: World, a: WorldAccount) => new Set((w.anomalies?.(a) ?? []).flatMap((x) => (x.kind === 'spend_spike' ? [x.date] : x.dates)));

describe('adDay funnel', () => {
  it.each(['meta', 'google', 'tiktok', 'snapchat'] as const)('is sane for every ad on %s over 30 days', (platform) => {
    // Collected rather than asserted one by one: thousands of expect() calls would dominate the run.
    const broken: string[] = [];
    let delivering = 0;
    for (const a of world.accounts(platform).filter((x) => x.size.campaigns < 20)) {
      for (const ad of world.ads(a)) {
        for (const date of lastDays(30)) {
          const n = world.adDay(a, ad.id, date);
          const ok =
            Object.values(n).every((v) => Number.isInteger(v) && v >= 0) &&
            n.clicks <= n.impressions && n.purchases <= n.clicks && n.leads <= n.clicks && n.revenueMinor > 0 === n.purchases > 0;
          if (!ok) broken.push(`${ad.id} ${date} ${JSON.stringify(n)}`);
          if (n.spendMinor > 0) delivering++;
        }
      }
    }
    expect(broken).toEqual([]);
    expect(delivering).toBeGreaterThan(100);
  });

  it('gives account-level ratios in realistic ranges', () => {
    const a = account(world, 'meta', 'Midas Furniture');
    const sum = lastDays(28, '2026-11-24').map((d) => world.sumDay(a, 'account', null, d)).reduce(add);
    const ctr = sum.clicks / sum.impressions;
    const cpmSar = sum.spendMinor / 100 / (sum.impressions / 1000);
    const roas = sum.revenueMinor / sum.spendMinor;
    expect(ctr).toBeGreaterThan(0.004);
    expect(ctr).toBeLessThan(0.035);
    expect(cpmSar).toBeGreaterThan(8);
    expect(cpmSar).toBeLessThan(90);
    expect(roas).toBeGreaterThan(0.5);
    expect(roas).toBeLessThan(12);
  });

  it('spends close to an ad-set budget, paced under it', () => {
    const a = account(world, 'meta', 'Scale Test Store');
    const quiet = anomalyDates(world, a);
    let checked = 0;
    for (const set of world.adSets(a)) {
      if (set.dailyBudgetMinor === null || set.status !== 'ACTIVE') continue;
      const campaign = world.entity(a, 'campaign', set.campaignId);
      const ads = world.ads(a).filter((x) => x.adSetId === set.id);
      if (campaign?.status !== 'ACTIVE' || ads.some((x) => x.status !== 'ACTIVE' || x.createdAt.slice(0, 10) > '2026-11-01')) continue;
      for (const date of lastDays(7, '2026-11-24').filter((d) => !quiet.has(d))) {
        const spend = world.sumDay(a, 'ad_set', set.id, date).spendMinor;
        expect(spend).toBeLessThanOrEqual(set.dailyBudgetMinor + ads.length);
        expect(spend).toBeGreaterThanOrEqual(set.dailyBudgetMinor * 0.8);
      }
      if (++checked >= 20) break;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('sums ads into ad sets, campaigns and the account', () => {
    const a = account(world, 'snapchat', 'Desert Bloom Flowers');
    const date = '2026-11-20';
    const ads = world.ads(a);
    expect(world.sumDay(a, 'account', null, date)).toEqual(ads.map((x) => world.adDay(a, x.id, date)).reduce(add));
    for (const c of world.campaigns(a)) expect(world.sumDay(a, 'campaign', c.id, date)).toEqual(ads.filter((x) => x.campaignId === c.id).map((x) => world.adDay(a, x.id, date)).reduce(add));
    const set = world.adSets(a)[0];
    if (!set) throw new Error('no ad set');
    expect(world.sumDay(a, 'ad_set', set.id, date)).toEqual(ads.filter((x) => x.adSetId === set.id).map((x) => world.adDay(a, x.id, date)).reduce(add));
  });

  it('rejects unknown ads and bad dates', () => {
    const a = account(world, 'meta', 'Midas Furniture');
    const ad = world.ads(a)[0]?.id ?? '';
    expect(() => world.adDay(a, '1', TODAY)).toThrow(WorldError);
    expect(() => world.adDay(a, ad, '2026-02-30')).toThrow(/YYYY-MM-DD/);
    expect(() => world.sumDay(a, 'campaign', 'nope', TODAY)).toThrow(/No campaign/);
  });
});

describe('adDay over time', () => {
  const a = account(world, 'tiktok', 'Midas Furniture');

  it('is zero before an ad starts and after today', () => {
    for (const ad of world.ads(a)) {
      const start = ad.createdAt.slice(0, 10);
      expect(world.adDay(a, ad.id, dateOf(dayOf(start) - 1))).toEqual(zero);
      expect(world.adDay(a, ad.id, dateOf(dayOf(TODAY) + 1))).toEqual(zero);
    }
    expect(world.sumDay(a, 'account', null, '2026-11-26')).toEqual(zero);
    expect(world.sumDay(a, 'account', null, '2020-01-01')).toEqual(zero);
  });

  it('counts only the elapsed part of today', () => {
    const later = createWorld({ now: () => new Date('2026-11-26T06:00:00Z') });
    const full = later.sumDay(account(later, 'tiktok', 'Midas Furniture'), 'account', null, TODAY).spendMinor;
    const partial = world.sumDay(a, 'account', null, TODAY).spendMinor;
    expect(partial / full).toBeGreaterThan(0.6);
    expect(partial / full).toBeLessThan(0.65);
  });

  it('keeps history fixed as the clock moves on', () => {
    const later = createWorld({ now: () => new Date('2027-01-10T12:00:00Z') });
    const b = account(later, 'tiktok', 'Midas Furniture');
    for (const date of lastDays(60, '2026-11-24')) expect(later.sumDay(b, 'account', null, date)).toEqual(world.sumDay(a, 'account', null, date));
  });

  it('gives catalog-paused campaigns history up to their pause and none after', () => {
    const big = account(world, 'meta', 'Scale Test Store');
    const paused = world.campaigns(big).filter((c) => c.status === 'PAUSED');
    const withHistory = paused.filter((c) => c.updatedAt > c.createdAt);
    expect(withHistory.length).toBeGreaterThan(paused.length / 2);
    for (const c of paused) {
      const pausedOn = c.updatedAt.slice(0, 10);
      expect(world.sumDay(big, 'campaign', c.id, pausedOn).spendMinor).toBe(0);
      expect(world.sumDay(big, 'campaign', c.id, TODAY).spendMinor).toBe(0);
    }
    const ran = withHistory.filter((c) => lastDays(5, dateOf(dayOf(c.updatedAt.slice(0, 10)) - 1)).some((d) => world.sumDay(big, 'campaign', c.id, d).spendMinor > 0));
    expect(ran.length).toBeGreaterThan(withHistory.length / 2);
  });
});

describe('anomalies', () => {
  const a = account(world, 'meta', 'Midas Furniture');
  const list = world.anomalies?.(a, '2026-09-01') ?? [];

  it('injects a spend spike and a two-day tracking outage in any 60 days', () => {
    const recent = world.anomalies?.(a, '2026-09-27') ?? [];
    expect(recent.some((x) => x.kind === 'spend_spike')).toBe(true);
    expect(recent.some((x) => x.kind === 'tracking_outage' && x.dates.length === 2)).toBe(true);
  });

  it('zeroes conversions but not spend during an outage', () => {
    for (const x of list) {
      if (x.kind !== 'tracking_outage') continue;
      for (const d of x.dates) {
        const n = world.sumDay(a, 'account', null, d);
        expect(n.spendMinor).toBeGreaterThan(0);
        expect(n.purchases + n.leads + n.revenueMinor).toBe(0);
      }
    }
  });

  it('triples one campaign’s spend on the spike day', () => {
    for (const x of list) {
      if (x.kind !== 'spend_spike') continue;
      const around = [-2, -1, 1, 2].map((k) => world.sumDay(a, 'campaign', x.campaignId, dateOf(dayOf(x.date) + k)).spendMinor);
      const usual = around.reduce((s, v) => s + v, 0) / around.length;
      expect(world.sumDay(a, 'campaign', x.campaignId, x.date).spendMinor / usual).toBeGreaterThan(2.4);
    }
  });
});

describe('speed', () => {
  it('answers 300,000 adDay calls on the 10,000-ad account quickly', () => {
    const big = account(world, 'google', 'Scale Test Store');
    const ads = world.ads(big);
    const dates = lastDays(30);
    const t = performance.now();
    let spend = 0;
    for (const date of dates) for (const ad of ads) spend += world.adDay(big, ad.id, date).spendMinor;
    expect(spend).toBeGreaterThan(0);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});

const zero: DayNumbers = { impressions: 0, clicks: 0, spendMinor: 0, purchases: 0, revenueMinor: 0, leads: 0 };
function add(x: DayNumbers, y: DayNumbers): DayNumbers {
  return { impressions: x.impressions + y.impressions, clicks: x.clicks + y.clicks, spendMinor: x.spendMinor + y.spendMinor, purchases: x.purchases + y.purchases, revenueMinor: x.revenueMinor + y.revenueMinor, leads: x.leads + y.leads };
}
