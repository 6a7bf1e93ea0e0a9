import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../testing/fixtures.js';
import {
  accountStatus,
  addConversions,
  addDelivery,
  customerIdOf,
  emptyDay,
  entityStatus,
  idOfResourceName,
  mapAd,
  mapAdGroup,
  mapCampaign,
  mapCustomer,
  mapCustomerClient,
  mapDay,
} from './map.js';
import {
  adGroupRowSchema,
  adRowSchema,
  campaignRowSchema,
  conversionRowSchema,
  customerClientRowSchema,
  customerRowSchema,
  deliveryRowSchema,
  searchPageSchema,
} from './schemas.js';

const fixture = fixtureReader(import.meta.url);
const rows = (name: string): unknown[] => searchPageSchema.parse(fixture(name)).results;

describe('ids', () => {
  it.each([
    ['123-456-7890', '1234567890'],
    ['customers/1234567890', '1234567890'],
    ['1234567890', '1234567890'],
  ])('customerIdOf(%s) = %s', (input, id) => expect(customerIdOf(input)).toBe(id));
  it('refuses what is not a customer id', () => expect(() => customerIdOf('act_123')).toThrow(RangeError));
  it.each([
    ['customers/1/adGroups/22', '22'],
    ['customers/1/adGroupAds/22~33', '33'],
    ['customers/1/campaignBudgets/555', '555'],
  ])('idOfResourceName(%s) = %s', (rn, id) => expect(idOfResourceName(rn)).toBe(id));
});

describe('statuses', () => {
  it.each([
    ['ENABLED', 'ACTIVE'],
    ['PAUSED', 'PAUSED'],
    ['REMOVED', 'DELETED'],
    ['UNKNOWN', 'PAUSED'],
  ] as const)('entity %s → %s', (s, out) => expect(entityStatus(s)).toBe(out));
  it.each([
    ['ENABLED', 'active'],
    ['SUSPENDED', 'disabled'],
    ['CANCELED', 'closed'],
    ['CLOSED', 'closed'],
    ['UNSPECIFIED', 'pending'],
  ] as const)('customer %s → %s', (s, out) => expect(accountStatus(s)).toBe(out));
});

describe('accounts', () => {
  it('maps a directly accessible customer', () => {
    const [row] = rows('search-customer-direct');
    expect(mapCustomer(customerRowSchema.parse(row))).toEqual({
      externalId: '1234567890',
      name: 'Midas Furniture KSA',
      currency: 'SAR',
      timeZone: 'Asia/Riyadh',
      status: 'active',
      spendLast30dMinor: null,
      managerId: null,
    });
  });
  it('maps clients of a manager with the manager as login customer', () => {
    const clients = rows('search-customer-clients').map((r) => mapCustomerClient(customerClientRowSchema.parse(r), '555-000-1111'));
    expect(clients[1]).toMatchObject({ externalId: '7778889990', currency: 'JPY', timeZone: 'Asia/Tokyo', managerId: '5550001111', status: 'active' });
    expect(clients[2]).toMatchObject({ externalId: '3334445556', currency: 'KWD', status: 'disabled' });
  });
  it('a customer row without a currency is refused', () => {
    expect(customerRowSchema.safeParse({ customer: { id: '1', timeZone: 'UTC' } }).success).toBe(false);
  });
});

describe('entities', () => {
  it.each([
    ['USD', 75_000_000, 7500],
    ['JPY', 75_000_000, 75],
    ['KWD', 75_000_000, 75_000],
    ['KWD', 1_234_567, 1235],
    ['JPY', 500_000, 1],
    ['JPY', 499_999, 0],
  ])('a %s campaign budget of %i micros is %i minor units', (currency, micros, minor) => {
    const raw = { campaign: { id: '1', name: 'c', status: 'ENABLED', campaignBudget: 'customers/1/campaignBudgets/2' }, campaignBudget: { amountMicros: String(micros) } };
    expect(mapCampaign(campaignRowSchema.parse(raw), raw, currency).dailyBudgetMinor).toBe(minor);
  });

  it('maps campaigns as the API prints them', () => {
    const [raw] = rows('search-campaigns-page1');
    const e = mapCampaign(campaignRowSchema.parse(raw), raw, 'SAR');
    expect(e).toMatchObject({
      level: 'campaign',
      externalId: '111',
      parentExternalId: null,
      campaignExternalId: '111',
      status: 'ACTIVE',
      platformStatus: 'ENABLED',
      dailyBudgetMinor: 7500,
      lifetimeBudgetMinor: null,
      objective: 'SEARCH',
    });
    expect(e.raw).toBe(raw);
  });

  it('a campaign without a budget has no daily budget', () => {
    const raw = { campaign: { id: '9', status: 'PAUSED' } };
    expect(mapCampaign(campaignRowSchema.parse(raw), raw, 'USD')).toMatchObject({ dailyBudgetMinor: null, status: 'PAUSED', name: '' });
  });

  it('maps ad groups (no budget on Google) and ads with their parents', () => {
    const [g] = rows('search-ad-groups');
    expect(mapAdGroup(adGroupRowSchema.parse(g), g)).toMatchObject({ level: 'ad_set', externalId: '222', parentExternalId: '111', campaignExternalId: '111', dailyBudgetMinor: null });
    const [a, b] = rows('search-ads');
    expect(mapAd(adRowSchema.parse(a), a, '111')).toMatchObject({ level: 'ad', externalId: '333', parentExternalId: '222', campaignExternalId: '111', status: 'ACTIVE', name: 'RSA — Sofas' });
    expect(mapAd(adRowSchema.parse(b), b, '111')).toMatchObject({ externalId: '334', status: 'PAUSED', name: '' });
  });
});

describe('daily metrics', () => {
  function days(currency: string) {
    const map = new Map<string, ReturnType<typeof emptyDay>>();
    const dayOf = (ad: string, date: string) => {
      const key = `${ad}|${date}`;
      if (!map.has(key)) map.set(key, emptyDay(ad, date));
      return map.get(key)!;
    };
    for (const r of rows('search-delivery')) {
      const row = deliveryRowSchema.parse(r);
      addDelivery(dayOf(row.adGroupAd.ad.id, row.segments.date), row);
    }
    for (const r of rows('search-conversions')) {
      const row = conversionRowSchema.parse(r);
      addConversions(dayOf(row.adGroupAd.ad.id, row.segments.date), row);
    }
    return [...map.values()].map((d) => mapDay(d, currency));
  }

  it('joins delivery and conversions per ad and day; purchases and leads by category', () => {
    const out = days('USD');
    expect(out.find((d) => d.adExternalId === '333' && d.date === '2025-01-01')).toMatchObject({
      spendMinor: 1235,
      impressions: 1000,
      clicks: 50,
      purchases: 3,
      revenueMinor: 15025,
      // SUBMIT_LEAD_FORM 1.5 + SIGNUP 2; PAGE_VIEW counts as neither.
      leads: 3.5,
    });
    // Absent metrics (proto3 defaults left out) are zeros.
    expect(out.find((d) => d.adExternalId === '334')).toMatchObject({ spendMinor: 50, impressions: 40, clicks: 0, purchases: 0, leads: 0 });
    // Conversions on a day without delivery rows still count.
    expect(out.find((d) => d.adExternalId === '335')).toMatchObject({ date: '2025-01-03', spendMinor: 0, purchases: 1, revenueMinor: 2000 });
  });

  it.each([
    ['JPY', 12, 150],
    ['KWD', 12_346, 150_250],
    ['SAR', 1235, 15_025],
  ])('in %s: spend %i and revenue %i minor units', (currency, spend, revenue) => {
    const d = days(currency).find((x) => x.adExternalId === '333' && x.date === '2025-01-01');
    expect(d?.spendMinor).toBe(spend);
    expect(d?.revenueMinor).toBe(revenue);
  });

  it('keeps the fields it read in raw', () => {
    const d = days('USD').find((x) => x.adExternalId === '333' && x.date === '2025-01-01');
    expect(d?.raw).toMatchObject({ costMicros: '12345678', conversionsByCategory: { PURCHASE: { conversions: 3, conversionsValue: 150.25 } } });
  });
});
