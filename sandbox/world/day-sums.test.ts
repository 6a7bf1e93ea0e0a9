import { describe, expect, it } from 'vitest';
import { movableClock } from './test-clock.js';
import type { DayNumbers, World, WorldAccount } from './types.js';
import { createWorld } from './world.js';

/**
 * sumDay remembers past days; these check that what it remembers is always what a fresh world
 * computes, whatever mutations and clock moves happen in between.
 */
const TODAY = '2026-11-25';

function setup() {
  const clock = movableClock();
  const world = createWorld({ now: clock.now });
  const pick = (w: World): WorldAccount => w.accounts('meta').find((x) => x.name === 'Midas Furniture')!;
  return { clock, world, a: pick(world) };
}

/** A world that has remembered nothing yet, on the same clock. */
function fresh(clock: ReturnType<typeof movableClock>) {
  const w = createWorld({ now: clock.now });
  return { w, a: w.accounts('meta').find((x) => x.name === 'Midas Furniture')! };
}

const add = (x: DayNumbers, y: DayNumbers): DayNumbers => ({
  impressions: x.impressions + y.impressions,
  clicks: x.clicks + y.clicks,
  spendMinor: x.spendMinor + y.spendMinor,
  purchases: x.purchases + y.purchases,
  revenueMinor: x.revenueMinor + y.revenueMinor,
  leads: x.leads + y.leads,
});

describe('remembered sums', () => {
  it('equal the sum of their ads on every ask, and hand out copies', () => {
    const { world, a } = setup();
    const date = '2026-11-20';
    const first = world.sumDay(a, 'account', null, date);
    first.spendMinor = -1;
    const again = world.sumDay(a, 'account', null, date);
    expect(again).toEqual(world.ads(a).map((x) => world.adDay(a, x.id, date)).reduce(add));
    const c = world.campaigns(a)[0]!;
    expect(world.sumDay(a, 'campaign', c.id, date)).toEqual(world.sumDay(a, 'campaign', c.id, date));
  });

  it('follow a mutation: the revision moves, today changes, past days stay', () => {
    const { clock, world, a } = setup();
    const twin = fresh(clock);
    const set = world.adSets(a).find((s) => s.dailyBudgetMinor !== null && world.sumDay(a, 'ad_set', s.id, TODAY).spendMinor > 0)!;
    const budget = (set.dailyBudgetMinor ?? 0) * 3;
    const past = world.sumDay(a, 'account', null, '2026-11-24');
    const todayBefore = world.sumDay(a, 'account', null, TODAY);
    const before = world.revision(a);
    world.setDailyBudget(a, 'ad_set', set.id, budget);
    twin.w.setDailyBudget(twin.a, 'ad_set', set.id, budget);
    expect(world.revision(a)).toBe(before + 1);
    expect(world.sumDay(a, 'account', null, '2026-11-24')).toEqual(past);
    expect(world.sumDay(a, 'account', null, TODAY).spendMinor).toBeGreaterThan(todayBefore.spendMinor);
    clock.advanceDays(2);
    for (const date of [TODAY, '2026-11-26']) {
      world.sumDay(a, 'account', null, date);
      expect(world.sumDay(a, 'account', null, date)).toEqual(twin.w.sumDay(twin.a, 'account', null, date));
    }
  });

  it('forget days that the clock moved back past', () => {
    const { clock, world, a } = setup();
    expect(world.sumDay(a, 'account', null, '2026-11-24').spendMinor).toBeGreaterThan(0);
    clock.set('2026-11-23T12:00:00.000Z');
    expect(world.sumDay(a, 'account', null, '2026-11-24').spendMinor).toBe(0);
    const { w, a: b } = fresh(clock);
    expect(world.sumDay(a, 'account', null, '2026-11-22')).toEqual(w.sumDay(b, 'account', null, '2026-11-22'));
  });
});
