import { describe, expect, it } from 'vitest';
import { movableClock } from './test-clock.js';
import { WorldError, type World, type WorldAccount, type WorldAdSet, type WorldCampaign } from './types.js';
import { createWorld } from './world.js';

const TODAY = '2026-11-25';

function setup(name = 'Midas Furniture') {
  const clock = movableClock();
  const world = createWorld({ now: clock.now });
  const twin = createWorld({ now: clock.now });
  const pick = (w: World): WorldAccount => {
    const a = w.accounts('meta').find((x) => x.name === name);
    if (!a) throw new Error('no account');
    return a;
  };
  return { clock, world, twin, a: pick(world), b: pick(twin) };
}

/** An active ad set holding its own budget, in an active campaign, with some delivery yesterday. */
function aboSet(world: World, a: WorldAccount): WorldAdSet {
  const set = world.adSets(a).find((s) => s.dailyBudgetMinor !== null && s.status === 'ACTIVE' && world.entity(a, 'campaign', s.campaignId)?.status === 'ACTIVE' && world.sumDay(a, 'ad_set', s.id, '2026-11-24').spendMinor > 0);
  if (!set) throw new Error('no ABO ad set');
  return set;
}
function cboCampaign(world: World, a: WorldAccount): WorldCampaign {
  const c = world.campaigns(a).find((x) => x.dailyBudgetMinor !== null && x.status === 'ACTIVE' && world.sumDay(a, 'campaign', x.id, '2026-11-24').spendMinor > 0);
  if (!c) throw new Error('no CBO campaign');
  return c;
}

describe('setDailyBudget', () => {
  it('scales spend and the funnel from the day of the change, leaving history alone', () => {
    const { clock, world, twin, a, b } = setup();
    const set = aboSet(world, a);
    const old = set.dailyBudgetMinor ?? 0;
    const updated = world.setDailyBudget(a, 'ad_set', set.id, old * 2);
    expect(updated).toMatchObject({ id: set.id, dailyBudgetMinor: old * 2, updatedAt: clock.now().toISOString() });
    expect(world.sumDay(a, 'ad_set', set.id, '2026-11-24')).toEqual(twin.sumDay(b, 'ad_set', set.id, '2026-11-24'));
    clock.advanceDays(3);
    for (const date of [TODAY, '2026-11-26', '2026-11-27']) {
      const after = world.sumDay(a, 'ad_set', set.id, date);
      const before = twin.sumDay(b, 'ad_set', set.id, date);
      if (before.spendMinor === 0) continue;
      expect(after.spendMinor / before.spendMinor).toBeCloseTo(2, 1);
      expect(after.impressions / before.impressions).toBeCloseTo(2, 1);
    }
  });

  it('moves a campaign budget (CBO) the same way', () => {
    const { world, twin, a, b } = setup();
    const c = cboCampaign(world, a);
    world.setDailyBudget(a, 'campaign', c.id, Math.round((c.dailyBudgetMinor ?? 0) / 2));
    const ratio = world.sumDay(a, 'campaign', c.id, TODAY).spendMinor / twin.sumDay(b, 'campaign', c.id, TODAY).spendMinor;
    expect(ratio).toBeGreaterThan(0.45);
    expect(ratio).toBeLessThan(0.55);
  });

  it.each([
    ['zero', 0],
    ['negative', -100],
    ['fractional', 10.5],
    ['NaN', Number.NaN],
  ])('rejects a %s amount', (_label, minor) => {
    const { world, a } = setup();
    expect(() => world.setDailyBudget(a, 'ad_set', aboSet(world, a).id, minor)).toThrow(expect.objectContaining({ code: 'invalid' }));
  });

  it('keeps budgets where they live: no ad-set budget under a CBO campaign, no campaign budget over ABO ad sets', () => {
    const { world, a } = setup();
    const cbo = cboCampaign(world, a);
    const underCbo = world.adSets(a).find((s) => s.campaignId === cbo.id);
    const abo = world.campaigns(a).find((c) => c.dailyBudgetMinor === null);
    expect(() => world.setDailyBudget(a, 'ad_set', underCbo?.id ?? '', 10_000)).toThrow(/campaign holds the budget/);
    expect(() => world.setDailyBudget(a, 'campaign', abo?.id ?? '', 10_000)).toThrow(/ad sets hold the budgets/);
  });

  it('says not_found for unknown ids and invalid for ads', () => {
    const { world, a } = setup();
    expect(() => world.setDailyBudget(a, 'campaign', '123', 10_000)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => world.setDailyBudget(a, 'ad' as 'campaign', world.ads(a)[0]?.id ?? '', 10_000)).toThrow(expect.objectContaining({ code: 'invalid' }));
    const stranger = { ...a, id: '1' };
    expect(() => world.campaigns(stranger)).toThrow(WorldError);
  });
});

describe('setStatus', () => {
  it('stops delivery from today and resumes it when re-activated', () => {
    const { clock, world, twin, a, b } = setup();
    const c = cboCampaign(world, a);
    expect(world.setStatus(a, 'campaign', c.id, 'PAUSED').status).toBe('PAUSED');
    expect(world.sumDay(a, 'campaign', c.id, TODAY).spendMinor).toBe(0);
    expect(world.sumDay(a, 'campaign', c.id, '2026-11-24')).toEqual(twin.sumDay(b, 'campaign', c.id, '2026-11-24'));
    clock.advanceDays(2);
    expect(world.sumDay(a, 'campaign', c.id, '2026-11-26').spendMinor).toBe(0);
    world.setStatus(a, 'campaign', c.id, 'ACTIVE');
    expect(world.sumDay(a, 'campaign', c.id, '2026-11-27')).toEqual(twin.sumDay(b, 'campaign', c.id, '2026-11-27'));
    expect(world.sumDay(a, 'campaign', c.id, '2026-11-26').spendMinor).toBe(0);
  });

  it('stops an ad set’s or an ad’s own delivery only', () => {
    const { world, twin, a, b } = setup();
    const set = aboSet(world, a);
    const ad = world.ads(a).find((x) => x.adSetId === set.id && world.adDay(a, x.id, TODAY).spendMinor > 0);
    if (!ad) throw new Error('no delivering ad');
    world.setStatus(a, 'ad', ad.id, 'PAUSED');
    expect(world.adDay(a, ad.id, TODAY).spendMinor).toBe(0);
    const sibling = world.ads(a).find((x) => x.adSetId === set.id && x.id !== ad.id);
    if (sibling) expect(world.adDay(a, sibling.id, TODAY)).toEqual(twin.adDay(b, sibling.id, TODAY));
    world.setStatus(a, 'ad_set', set.id, 'PAUSED');
    expect(world.sumDay(a, 'ad_set', set.id, TODAY).spendMinor).toBe(0);
  });

  it('brings a catalog-paused campaign back from today', () => {
    const { world, a } = setup('Scale Test Store');
    const c = world.campaigns(a).find((x) => x.status === 'PAUSED' && world.adSets(a).some((s) => s.campaignId === x.id && s.status === 'ACTIVE'));
    if (!c) throw new Error('no paused campaign');
    expect(world.sumDay(a, 'campaign', c.id, TODAY).spendMinor).toBe(0);
    world.setStatus(a, 'campaign', c.id, 'ACTIVE');
    expect(world.sumDay(a, 'campaign', c.id, TODAY).spendMinor).toBeGreaterThan(0);
  });

  it('rejects unknown statuses and ids', () => {
    const { world, a } = setup();
    const id = world.campaigns(a)[0]?.id ?? '';
    expect(() => world.setStatus(a, 'campaign', id, 'DELETED' as 'PAUSED')).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => world.setStatus(a, 'ad', id, 'PAUSED')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
