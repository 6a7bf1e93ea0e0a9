import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../testing/fixtures.js';
import { z } from 'zod';
import { mapTiktokAd, mapTiktokAdGroup, mapTiktokAdvertiser, mapTiktokCampaign, mapTiktokReportRow, minorToTiktokBudget, tiktokAmountToMinor } from './map.js';
import { tiktokAdGroupSchema, tiktokAdSchema, tiktokAdvertiserInfoSchema, tiktokCampaignSchema, tiktokIdSchema, tiktokListSchema, tiktokReportRowSchema } from './schemas.js';

const fixture = fixtureReader(import.meta.url);
const list = <S extends z.ZodType>(name: string, item: S) => z.object({ data: tiktokListSchema(item) }).parse(fixture(name)).data.list;

describe('TikTok advertisers', () => {
  it('maps currency, IANA zone (display_timezone first) and status', () => {
    const info = z.object({ info: z.object({ data: z.object({ list: z.array(tiktokAdvertiserInfoSchema) }) }) }).parse(fixture('advertisers')).info.data.list;
    expect(info.map((a) => mapTiktokAdvertiser(a))).toEqual([
      { externalId: '7100000000000000001', name: 'Acme US', currency: 'USD', timeZone: 'America/Los_Angeles', status: 'active', spendLast30dMinor: null, managerId: null },
      { externalId: '7100000000000000002', name: 'Acme Japan', currency: 'JPY', timeZone: 'Asia/Tokyo', status: 'pending', spendLast30dMinor: null, managerId: null },
      // An unknown display zone falls back to the offset zone.
      { externalId: '7100000000000000003', name: 'Acme Kuwait', currency: 'KWD', timeZone: 'Etc/GMT-3', status: 'disabled', spendLast30dMinor: null, managerId: null },
    ]);
  });
});

describe('TikTok ids', () => {
  it.each([
    ['7100000000000000001', '7100000000000000001'],
    [1800000000001, '1800000000001'],
  ])('%s → %s', (input, out) => expect(tiktokIdSchema.parse(input)).toBe(out));

  it('refuses a numeric id that JSON already rounded', () => {
    expect(tiktokIdSchema.safeParse(Number('7100000000000000001')).success).toBe(false);
  });
});

describe('TikTok amounts (major-unit decimals)', () => {
  it.each([
    [50.0, 'USD', 5000],
    ['1200.50', 'USD', 120050],
    ['0.29', 'USD', 29],
    [1500, 'JPY', 1500],
    ['12.345', 'KWD', 12345],
    ['-', 'USD', 0],
    ['', 'USD', 0],
    [null, 'USD', 0],
  ] as const)('%s %s → %i minor', (v, currency, minor) => expect(tiktokAmountToMinor(v, currency)).toBe(minor));

  it.each([
    [7550, 'USD', 75.5],
    [1500, 'JPY', 1500],
    [12345, 'KWD', 12.345],
    [5, 'USD', 0.05],
  ] as const)('%i minor %s → budget %s', (minor, currency, out) => expect(minorToTiktokBudget(minor, currency)).toBe(out));
});

describe('TikTok entities', () => {
  it('maps campaigns: budget by budget_mode, operation_status, secondary_status', () => {
    const [day, infinite, total] = list('campaigns', tiktokCampaignSchema).map((c) => mapTiktokCampaign(c, 'USD'));
    expect(day).toMatchObject({ level: 'campaign', externalId: '1800000000000001', parentExternalId: null, campaignExternalId: '1800000000000001', status: 'ACTIVE', platformStatus: 'CAMPAIGN_STATUS_ENABLE', dailyBudgetMinor: 5000, lifetimeBudgetMinor: null, objective: 'WEB_CONVERSIONS' });
    expect(infinite).toMatchObject({ status: 'PAUSED', dailyBudgetMinor: null, lifetimeBudgetMinor: null, objective: 'LEAD_GENERATION' });
    expect(total).toMatchObject({ status: 'ACTIVE', platformStatus: 'CAMPAIGN_STATUS_BUDGET_EXCEED', dailyBudgetMinor: null, lifetimeBudgetMinor: 120050 });
    expect(day?.raw).toMatchObject({ modify_time: '2025-01-05 08:30:00' });
  });

  it('maps ad groups under their campaign', () => {
    const [a, b] = list('adgroups', tiktokAdGroupSchema).map((g) => mapTiktokAdGroup(g, 'JPY'));
    expect(a).toMatchObject({ level: 'ad_set', parentExternalId: '1800000000000002', campaignExternalId: '1800000000000002', status: 'ACTIVE', platformStatus: 'ADGROUP_STATUS_CAMPAIGN_DISABLE', dailyBudgetMinor: 30 });
    expect(b).toMatchObject({ status: 'PAUSED', dailyBudgetMinor: null });
  });

  it('maps ads under their ad group', () => {
    const [a, b] = list('ads', tiktokAdSchema).map(mapTiktokAd);
    expect(a).toMatchObject({ level: 'ad', parentExternalId: '1810000000000001', campaignExternalId: '1800000000000002', status: 'ACTIVE' });
    expect(b).toMatchObject({ status: 'DELETED', platformStatus: 'AD_STATUS_DELETE' });
  });
});

describe('TikTok report rows', () => {
  const rows = (name: string, currency: string) => list(name, tiktokReportRowSchema).map((r) => mapTiktokReportRow(r, currency));

  it('reads spend, counts, purchases and their value, leads', () => {
    const [first] = rows('report', 'USD');
    expect(first).toMatchObject({ adExternalId: '1820000000000001', date: '2025-01-01', spendMinor: 1250, impressions: 1000, clicks: 40, purchases: 2, revenueMinor: 3880, leads: 3 });
  });

  it('falls back to total_purchase_value and to registrations', () => {
    expect(rows('report', 'USD')[1]).toMatchObject({ date: '2025-01-02', spendMinor: 29, revenueMinor: 999, leads: 4 });
  });

  it('reads "-" and "" as zero', () => {
    expect(rows('report', 'USD')[2]).toMatchObject({ spendMinor: 0, impressions: 0, clicks: 0, purchases: 0, revenueMinor: 0, leads: 0 });
  });

  it.each([
    ['report-jpy', 'JPY', { spendMinor: 1500, revenueMinor: 23800, purchases: 4, leads: 0 }],
    ['report-kwd', 'KWD', { spendMinor: 12345, revenueMinor: 40125, purchases: 2, leads: 1 }],
  ] as const)('%s: money in %s minor units', (name, currency, expected) => {
    expect(rows(name, currency)[0]).toMatchObject(expected);
  });
});
