import { describe, expect, it } from 'vitest';
import { createWorld } from './world.js';
import { FIXED_NOW } from './test-clock.js';
import type { AdPlatformId, WorldAccount } from './types.js';

const now = () => FIXED_NOW;
const world = createWorld({ now });
const PLATFORMS: AdPlatformId[] = ['meta', 'google', 'tiktok', 'snapchat'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const byName = (platform: AdPlatformId, name: string): WorldAccount => {
  const a = world.accounts(platform).find((x) => x.name === name);
  if (!a) throw new Error(`no ${platform} ${name}`);
  return a;
};

describe('default catalog', () => {
  it('has the three people', () => {
    expect(world.people.map((p) => p.id)).toEqual(['ahmed', 'lina', 'scale']);
    expect(world.person('ahmed')).toMatchObject({ name: 'Ahmed Al-Harbi', email: 'ahmed@midasfurniture.sa' });
    expect(world.person('nobody')).toBeUndefined();
  });

  it.each([
    ['meta', 'ahmed', ['Midas Furniture', 'Midas Home Decor', 'Personal Account']],
    ['google', 'ahmed', ['Midas Furniture']],
    ['tiktok', 'ahmed', ['Midas Furniture']],
    ['snapchat', 'ahmed', ['Midas Furniture', 'Midas Home Decor']],
  ] as const)('gives %s accounts to %s', (platform, person, names) => {
    expect(world.accountsOf(platform, person).map((a) => a.name)).toEqual(names);
  });

  it('gives Lina 2–3 client accounts per platform, with USD and a three-decimal currency among them', () => {
    for (const p of PLATFORMS) expect(world.accountsOf(p, 'lina').length).toBeGreaterThanOrEqual(2);
    const all = PLATFORMS.flatMap((p) => world.accountsOf(p, 'lina'));
    expect(all.some((a) => a.currency === 'USD')).toBe(true);
    expect(all.some((a) => a.currency === 'KWD')).toBe(true);
    expect(all.some((a) => a.currency === 'AED')).toBe(true);
  });

  it('reaches Lina’s Google clients through one manager and Ahmed’s directly', () => {
    const managers = world.managers?.('google') ?? [];
    expect(managers).toHaveLength(1);
    expect(managers[0]?.id).toMatch(/^\d{10}$/);
    for (const a of world.accountsOf('google', 'lina')) expect(a.managerId).toBe(managers[0]?.id);
    expect(world.accountsOf('google', 'ahmed')[0]?.managerId).toBeNull();
    expect(world.managers?.('meta')).toEqual([]);
  });

  it.each([
    ['meta', /^\d{15,16}$/, /^120\d{15}$/],
    ['google', /^\d{10}$/, /^\d{11,12}$/],
    ['tiktok', /^\d{19}$/, /^\d{19}$/],
    ['snapchat', UUID, UUID],
  ] as const)('uses %s’s native id formats', (platform, accountId, entityId) => {
    for (const a of world.accounts(platform)) {
      expect(a.id).toMatch(accountId);
      if (a.size.campaigns > 20) continue;
      for (const e of [...world.campaigns(a), ...world.adSets(a), ...world.ads(a)]) expect(e.id).toMatch(entityId);
    }
  });

  it('sizes normal accounts 3–12 × 2–4 × 2–4 and keeps ids unique', () => {
    for (const p of PLATFORMS) {
      for (const a of world.accounts(p).filter((x) => x.ownerIds[0] !== 'scale' && x.name !== 'Personal Account')) {
        expect(a.size.campaigns).toBeGreaterThanOrEqual(3);
        expect(a.size.campaigns).toBeLessThanOrEqual(12);
        expect([2, 3, 4]).toContain(a.size.adSetsPerCampaign);
        expect([2, 3, 4]).toContain(a.size.adsPerAdSet);
        const ids = [...world.campaigns(a), ...world.adSets(a), ...world.ads(a)].map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(world.ads(a)).toHaveLength(a.size.campaigns * a.size.adSetsPerCampaign * a.size.adsPerAdSet);
      }
    }
  });

  it('builds the 10,000-ad account per platform quickly', () => {
    for (const p of PLATFORMS) {
      const big = byName(p, 'Scale Test Store');
      const t = performance.now();
      expect(world.ads(big)).toHaveLength(10_000);
      expect(performance.now() - t).toBeLessThan(1500);
      expect(world.campaigns(big)).toHaveLength(200);
      expect(world.adSets(big)).toHaveLength(2000);
    }
  });

  it('links every entity to its parents and keeps dates in order', () => {
    const a = byName('meta', 'Midas Furniture');
    for (const ad of world.ads(a)) {
      const set = world.entity(a, 'ad_set', ad.adSetId);
      const campaign = world.entity(a, 'campaign', ad.campaignId);
      expect(set?.level === 'ad_set' && set.campaignId).toBe(ad.campaignId);
      expect(campaign && campaign.createdAt <= (set?.createdAt ?? '')).toBe(true);
      expect((set?.createdAt ?? '') <= ad.createdAt).toBe(true);
      expect(a.startDate <= ad.createdAt.slice(0, 10)).toBe(true);
      expect(ad.updatedAt >= ad.createdAt).toBe(true);
    }
  });

  it('puts Google budgets on campaigns only, and mixes both levels elsewhere', () => {
    const google = byName('google', 'Scale Test Store');
    expect(world.campaigns(google).every((c) => c.dailyBudgetMinor !== null)).toBe(true);
    expect(world.adSets(google).every((s) => s.dailyBudgetMinor === null)).toBe(true);
    const meta = byName('meta', 'Scale Test Store');
    const cbo = world.campaigns(meta).filter((c) => c.dailyBudgetMinor !== null).length;
    expect(cbo).toBeGreaterThan(60);
    expect(cbo).toBeLessThan(140);
    for (const s of world.adSets(meta)) {
      const c = world.entity(meta, 'campaign', s.campaignId);
      expect(c?.level === 'campaign' && (c.dailyBudgetMinor === null) !== (s.dailyBudgetMinor === null)).toBe(true);
    }
  });

  it('keeps about 70% of campaigns active, with realistic budgets and objectives', () => {
    const big = byName('tiktok', 'Scale Test Store');
    const cs = world.campaigns(big);
    const active = cs.filter((c) => c.status === 'ACTIVE').length / cs.length;
    expect(active).toBeGreaterThan(0.6);
    expect(active).toBeLessThan(0.8);
    expect(new Set(cs.map((c) => c.objective))).toEqual(new Set(['SALES', 'LEADS', 'TRAFFIC', 'AWARENESS']));
    const budgets = cs.map((c) => c.dailyBudgetMinor).filter((b): b is number => b !== null);
    expect(Math.min(...budgets) / 100).toBeGreaterThanOrEqual(100);
    expect(Math.max(...budgets) / 100).toBeLessThanOrEqual(5000);
    expect(cs.some((c) => /–/.test(c.name))).toBe(true);
  });

  it('expresses KWD budgets in three-decimal minor units', () => {
    const kwd = byName('snapchat', 'Bayt Al Bunn Coffee');
    const budgets = [...world.campaigns(kwd), ...world.adSets(kwd)].map((e) => e.dailyBudgetMinor).filter((b): b is number => b !== null);
    for (const b of budgets) expect(b % 1000).toBe(0);
    expect(Math.max(...budgets) / 1000).toBeLessThan(500);
  });

  it('gives Meta accounts one or two pixels with match quality per event', () => {
    for (const a of world.accounts('meta')) {
      const pixels = world.pixels(a);
      expect(pixels.length).toBeGreaterThanOrEqual(1);
      expect(pixels.length).toBeLessThanOrEqual(2);
      for (const px of pixels) {
        expect(Object.keys(px.matchQuality).sort()).toEqual(['CompleteRegistration', 'Lead', 'PageView', 'Purchase']);
        for (const q of Object.values(px.matchQuality)) expect(Math.round(q * 10)).toBe(q * 10);
      }
    }
    expect(world.pixels(byName('tiktok', 'Midas Furniture'))[0]?.id).toMatch(/^C[A-Z0-9]{19}$/);
  });
});

describe('determinism', () => {
  it('gives the same ids, entities and numbers for the same seed', () => {
    const other = createWorld({ now });
    for (const p of PLATFORMS) {
      expect(other.accounts(p)).toEqual(world.accounts(p));
      const a = world.accounts(p)[0];
      const b = other.accounts(p)[0];
      if (!a || !b) throw new Error('no account');
      expect(other.ads(b)).toEqual(world.ads(a));
      expect(other.sumDay(b, 'account', null, '2026-11-01')).toEqual(world.sumDay(a, 'account', null, '2026-11-01'));
    }
  });

  it('gives other ids and numbers for another seed', () => {
    const other = createWorld({ now, seed: 7 });
    const a = world.accounts('meta')[0];
    const b = other.accounts('meta')[0];
    expect(b?.id).not.toBe(a?.id);
    expect(b?.name).toBe(a?.name);
    if (!a || !b) throw new Error('no account');
    expect(other.sumDay(b, 'account', null, '2026-11-01')).not.toEqual(world.sumDay(a, 'account', null, '2026-11-01'));
  });

  it('generates added accounts from their seed and size alone', () => {
    const input = { platform: 'snapchat' as const, name: 'Bench', business: 'Bench', currency: 'SAR', timeZone: 'Asia/Riyadh', size: { campaigns: 4, adSetsPerCampaign: 3, adsPerAdSet: 2 }, seed: 99, startDate: '2026-01-01' };
    const a = createWorld({ now, catalog: 'empty' }).addAccount(input);
    const w2 = createWorld({ now });
    const b = w2.addAccount(input);
    expect(b).toEqual(a);
    expect(w2.ads(b)).toHaveLength(24);
    expect(w2.accountsOf('snapchat', 'scale').map((x) => x.id)).toContain(b.id);
    expect(() => w2.addAccount(input)).toThrow(/already exists/);
  });
});
