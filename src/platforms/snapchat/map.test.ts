import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../testing/fixtures.js';
import { nextPageUrl, envelopeItems } from './client.js';
import { dayOfBucket, localMidnightIso } from './local-time.js';
import { accountStatus, entityStatus, mapAd, mapAdAccount, mapAdSquad, mapAdTimeseries, mapCampaign } from './map.js';
import { adAccountSchema, adSchema, adSquadSchema, adTimeseriesSchema, breakdownStatsResponseSchema, campaignSchema } from './schemas.js';

const fixture = fixtureReader<Record<string, unknown>>(import.meta.url);

describe('statuses', () => {
  it.each([
    ['ACTIVE', 'ACTIVE'],
    ['PAUSED', 'PAUSED'],
    ['active', 'ACTIVE'],
    ['DELETED', 'DELETED'],
    ['PENDING', 'PAUSED'],
  ] as const)('entity %s → %s', (s, out) => expect(entityStatus(s)).toBe(out));
  it.each([
    ['ACTIVE', 'active'],
    ['PENDING_VERIFICATION', 'pending'],
    ['DISABLED', 'disabled'],
    ['DELETED', 'closed'],
  ] as const)('account %s → %s', (s, out) => expect(accountStatus(s)).toBe(out));
});

describe('envelopes', () => {
  it('unwraps ad accounts', () => {
    const accounts = envelopeItems(fixture('adaccounts'), 'adaccounts', 'adaccount', adAccountSchema, 'x').map((i) => mapAdAccount(i.entity));
    expect(accounts).toEqual([
      { externalId: '8adc3db7-8148-4fbf-999c-8d2266369d74', name: 'Midas KSA', currency: 'SAR', timeZone: 'Asia/Riyadh', status: 'active', spendLast30dMinor: null, managerId: null },
      { externalId: '1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b', name: 'Midas Kuwait', currency: 'KWD', timeZone: 'Asia/Kuwait', status: 'pending', spendLast30dMinor: null, managerId: null },
    ]);
  });
  it('a failed item is INVALID with its reason', () => {
    expect(() => envelopeItems(fixture('mutate-item-error'), 'adsquads', 'adsquad', adSquadSchema, 'set budget')).toThrow(/at least 5.00 USD/);
  });
  it('a missing list is an empty list', () => {
    expect(envelopeItems({ request_status: 'SUCCESS' }, 'ads', 'ad', adSchema, 'x')).toEqual([]);
  });
});

describe('entities', () => {
  it.each([
    ['USD', 100_000_000, 10_000],
    ['JPY', 100_000_000, 100],
    ['KWD', 100_000_000, 100_000],
    ['KWD', 55_555_555, 55_556],
    ['JPY', 55_555_555, 56],
  ])('a %s campaign daily budget of %i micro is %i minor units', (currency, micro, minor) => {
    const raw = { id: 'c1', name: 'c', status: 'ACTIVE', daily_budget_micro: micro };
    expect(mapCampaign(campaignSchema.parse(raw), raw, currency).dailyBudgetMinor).toBe(minor);
  });

  it('maps campaigns; a zero spend cap is no lifetime budget', () => {
    const [first] = envelopeItems(fixture('campaigns-page1'), 'campaigns', 'campaign', campaignSchema, 'x');
    expect(mapCampaign(first!.entity, first!.raw, 'SAR')).toMatchObject({
      level: 'campaign',
      externalId: '6cf25572-048b-4447-95d1-eb47032e3e2f',
      parentExternalId: null,
      status: 'ACTIVE',
      platformStatus: 'VALID',
      dailyBudgetMinor: 10_000,
      lifetimeBudgetMinor: null,
      objective: 'WEB_CONVERSION',
    });
    const [second] = envelopeItems(fixture('campaigns-page2'), 'campaigns', 'campaign', campaignSchema, 'x');
    expect(mapCampaign(second!.entity, second!.raw, 'SAR')).toMatchObject({ status: 'PAUSED', platformStatus: 'PAUSED', dailyBudgetMinor: null, lifetimeBudgetMinor: 500_000 });
  });

  it('maps ad squads and ads with their parents', () => {
    const [squad] = envelopeItems(fixture('adsquads'), 'adsquads', 'adsquad', adSquadSchema, 'x');
    expect(mapAdSquad(squad!.entity, squad!.raw, 'KWD')).toMatchObject({ level: 'ad_set', parentExternalId: '6cf25572-048b-4447-95d1-eb47032e3e2f', dailyBudgetMinor: 55_556, objective: 'PIXEL_PURCHASE' });
    const [, ad] = envelopeItems(fixture('ads'), 'ads', 'ad', adSchema, 'x');
    expect(mapAd(ad!.entity, ad!.raw, 'camp-1')).toMatchObject({ level: 'ad', parentExternalId: '23f8a4c1-1b2c-4d3e-8f90-a1b2c3d4e5f6', campaignExternalId: 'camp-1', status: 'PAUSED', platformStatus: 'PAUSED,PENDING' });
  });
});

describe('stats', () => {
  const series = () => breakdownStatsResponseSchema.parse(fixture('stats-breakdown-ad')).timeseries_stats[0]!.timeseries_stat!.breakdown_stats.ad.map((a) => adTimeseriesSchema.parse(a));

  it('maps DAY points to account-local rows (clicks = swipes, leads = sign ups)', () => {
    const [first] = series();
    expect(mapAdTimeseries(first!, 'SAR', 'Asia/Riyadh')).toMatchObject([
      { adExternalId: '8ade8ef7-0cde-4eaa-bde6-990133575229', date: '2025-01-01', spendMinor: 1500, impressions: 1200, clicks: 35, purchases: 2, revenueMinor: 9000, leads: 4 },
      { date: '2025-01-02', spendMinor: 1123, purchases: 1, revenueMinor: 4500, leads: 0 },
    ]);
  });

  it.each([
    ['JPY', [0, 0]],
    ['KWD', [0, 1]],
    ['USD', [0, 0]],
  ] as const)('%s: empty stats are zeros and 500 micro rounds half up per exponent', (currency, spends) => {
    const [, second] = series();
    expect(mapAdTimeseries(second!, currency, 'Asia/Riyadh').map((r) => r.spendMinor)).toEqual(spends);
  });

  it('spend in JPY and KWD', () => {
    const [first] = series();
    expect(mapAdTimeseries(first!, 'JPY', 'Asia/Riyadh').map((r) => [r.spendMinor, r.revenueMinor])).toEqual([
      [15, 90],
      [11, 45],
    ]);
    expect(mapAdTimeseries(first!, 'KWD', 'Asia/Riyadh').map((r) => [r.spendMinor, r.revenueMinor])).toEqual([
      [15_000, 90_000],
      [11_235, 45_000],
    ]);
  });
});

describe('local time', () => {
  it.each([
    ['2025-01-01', 'America/Los_Angeles', '2025-01-01T00:00:00.000-08:00'],
    ['2025-07-01', 'America/Los_Angeles', '2025-07-01T00:00:00.000-07:00'],
    ['2025-03-09', 'America/Los_Angeles', '2025-03-09T00:00:00.000-08:00'],
    ['2025-03-10', 'America/Los_Angeles', '2025-03-10T00:00:00.000-07:00'],
    ['2025-01-01', 'Asia/Riyadh', '2025-01-01T00:00:00.000+03:00'],
    ['2025-01-01', 'Asia/Kolkata', '2025-01-01T00:00:00.000+05:30'],
    ['2025-01-01', 'UTC', '2025-01-01T00:00:00.000+00:00'],
  ])('midnight of %s in %s is %s', (date, tz, iso) => expect(localMidnightIso(date, tz)).toBe(iso));

  it.each([
    ['2025-01-01T00:00:00.000-08:00', 'America/Los_Angeles', '2025-01-01'],
    ['2025-01-01T08:00:00.000Z', 'America/Los_Angeles', '2025-01-01'],
    // An offset printed an hour off around the DST change still lands on the right day.
    ['2025-03-10T00:00:00.000-08:00', 'America/Los_Angeles', '2025-03-10'],
    ['2025-01-01T00:00:00.000+03:00', 'Asia/Riyadh', '2025-01-01'],
  ])('bucket %s in %s is %s', (start, tz, date) => expect(dayOfBucket(start, tz)).toBe(date));
});

describe('pagination', () => {
  const current = new URL('http://sbx.test/snapchat/adsapi/v1/adaccounts/a1/campaigns?limit=1000');
  it('keeps our host and path and takes the cursor from next_link', () => {
    const next = nextPageUrl(current, 'https://adsapisc.appspot.com/v1/adaccounts/a1/campaigns?cursor=CnEK&limit=1000');
    expect(next?.href).toBe('http://sbx.test/snapchat/adsapi/v1/adaccounts/a1/campaigns?cursor=CnEK&limit=1000');
  });
  it.each([[null], [undefined], [''], ['https://adsapi.snapchat.com/v1/adaccounts/a1/campaigns']])('%s ends the list', (link) => {
    expect(nextPageUrl(current, link)).toBeNull();
  });
});
