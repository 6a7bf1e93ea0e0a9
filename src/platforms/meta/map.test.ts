import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../testing/fixtures.js';
import type { z } from 'zod';
import { mapMetaAd, mapMetaAdAccount, mapMetaAdSet, mapMetaCampaign, mapMetaInsight, metaBudgetToMinor, minorToMetaBudget } from './map.js';
import { metaAdAccountSchema, metaAdSchema, metaAdSetSchema, metaCampaignSchema, metaInsightSchema, metaPageSchema } from './schemas.js';

const fixture = fixtureReader(import.meta.url);
const page = <S extends z.ZodType>(name: string, item: S) => metaPageSchema(item).parse(fixture(name)).data;

describe('Meta ad accounts', () => {
  it('maps ids without act_, currency, zone and status', () => {
    const accounts = page('ad-accounts', metaAdAccountSchema).map(mapMetaAdAccount);
    expect(accounts.map((a) => [a.externalId, a.currency, a.timeZone, a.status])).toEqual([
      ['1234567890', 'USD', 'America/Los_Angeles', 'active'],
      ['2233445566', 'JPY', 'Asia/Tokyo', 'active'],
      ['3344556677', 'KWD', 'Asia/Kuwait', 'disabled'],
      ['4455667788', 'EUR', 'Europe/Berlin', 'pending'],
      ['5566778899', 'GBP', 'Europe/London', 'closed'],
    ]);
    expect(accounts[0]).toMatchObject({ name: 'Acme US', spendLast30dMinor: null, managerId: null });
  });
});

describe('Meta budgets (offset units ↔ ISO minor units)', () => {
  it.each([
    ['2000', 'USD', 2000],
    ['5', 'USD', 5],
    ['1500', 'JPY', 1500],
    ['2000', 'KWD', 20000],
    ['2000', 'BHD', 20000],
    ['1500', 'HUF', 1500],
    ['300', 'TWD', 30000],
    ['2500', 'SAR', 2500],
  ] as const)('%s %s → %i minor', (graph, currency, minor) => {
    expect(metaBudgetToMinor(graph, currency)).toBe(minor);
  });

  it.each([
    [2000, 'USD', '2000'],
    [1500, 'JPY', '1500'],
    [20000, 'KWD', '2000'],
    [12345, 'KWD', '1235'],
    [1500, 'HUF', '1500'],
    [30000, 'TWD', '300'],
    [30050, 'TWD', '301'],
  ] as const)('%i minor %s → %s', (minor, currency, graph) => {
    expect(minorToMetaBudget(minor, currency)).toBe(graph);
  });
});

describe('Meta entities', () => {
  it('maps campaigns with budgets, objective and effective status', () => {
    const [a, b, c] = page('campaigns', metaCampaignSchema).map((x) => mapMetaCampaign(x, 'USD'));
    expect(a).toMatchObject({ level: 'campaign', externalId: '120210000000001', parentExternalId: null, campaignExternalId: '120210000000001', status: 'ACTIVE', platformStatus: 'ACTIVE', dailyBudgetMinor: 5000, lifetimeBudgetMinor: null, objective: 'OUTCOME_SALES' });
    // "0" is how Graph says the budget lives on the ad sets.
    expect(b).toMatchObject({ status: 'PAUSED', dailyBudgetMinor: null, lifetimeBudgetMinor: null });
    expect(c).toMatchObject({ status: 'ACTIVE', platformStatus: 'WITH_ISSUES', dailyBudgetMinor: null, lifetimeBudgetMinor: 150000 });
    expect(a?.raw).toMatchObject({ budget_remaining: '3120', updated_time: '2025-01-05T08:30:00-0800' });
  });

  it('maps ad sets under their campaign, keeping fields not modelled in raw', () => {
    const [a, b] = page('adsets', metaAdSetSchema).map((x) => mapMetaAdSet(x, 'JPY'));
    expect(a).toMatchObject({ level: 'ad_set', parentExternalId: '120210000000002', campaignExternalId: '120210000000002', status: 'ACTIVE', platformStatus: 'CAMPAIGN_PAUSED', dailyBudgetMinor: 2000 });
    expect(a?.raw).toHaveProperty('targeting');
    expect(b).toMatchObject({ status: 'PAUSED', dailyBudgetMinor: null });
  });

  it('maps ads under their ad set', () => {
    const [a, b] = page('ads', metaAdSchema).map(mapMetaAd);
    expect(a).toMatchObject({ level: 'ad', parentExternalId: '120210000000101', campaignExternalId: '120210000000002', status: 'ACTIVE', platformStatus: 'ADSET_PAUSED' });
    expect(b).toMatchObject({ status: 'ARCHIVED', dailyBudgetMinor: null, lifetimeBudgetMinor: null });
  });
});

describe('Meta insights', () => {
  const rows = (name: string, currency: string) => page(name, metaInsightSchema).map((r) => mapMetaInsight(r, currency));

  it('takes one purchase type and one lead type, never the sum of aliases', () => {
    const [first] = rows('insights', 'USD');
    expect(first).toMatchObject({ adExternalId: '120210000001001', date: '2025-01-01', spendMinor: 12345, impressions: 10234, clicks: 290, purchases: 7, revenueMinor: 61230, leads: 3 });
  });

  it('falls back to purchase and the pixel lead when the preferred types are missing', () => {
    const second = rows('insights', 'USD')[1];
    expect(second).toMatchObject({ date: '2025-01-02', spendMinor: 29, clicks: 0, purchases: 1, revenueMinor: 1999, leads: 2 });
  });

  it('reads a row without actions as zero conversions', () => {
    const third = rows('insights', 'USD')[2];
    expect(third).toMatchObject({ spendMinor: 500, impressions: 400, clicks: 0, purchases: 0, revenueMinor: 0, leads: 0 });
    expect(third?.raw).toMatchObject({ spend: '5' });
  });

  it.each([
    ['insights-jpy', 'JPY', { spendMinor: 1500, revenueMinor: 23800, purchases: 4 }],
    ['insights-kwd', 'KWD', { spendMinor: 12345, revenueMinor: 40125, purchases: 2 }],
  ] as const)('%s: money in %s minor units', (name, currency, expected) => {
    expect(rows(name, currency)[0]).toMatchObject(expected);
  });
});

describe('Meta purchase value when the lists name different aliases', () => {
  it('counts from actions and values the same event through its alias', () => {
    const row = metaInsightSchema.parse({
      ad_id: '1',
      date_start: '2025-01-01',
      spend: '1.00',
      actions: [{ action_type: 'purchase', value: '2' }],
      action_values: [{ action_type: 'omni_purchase', value: '30.50' }],
    });
    expect(mapMetaInsight(row, 'USD')).toMatchObject({ purchases: 2, revenueMinor: 3050 });
  });
});
