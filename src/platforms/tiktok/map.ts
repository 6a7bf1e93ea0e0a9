import { majorToMinor, minorToMajorString } from '../../shared/money.js';
import type { AdAccount, DailyMetric, Entity, EntityStatus } from '../types.js';
import type { TiktokAd, TiktokAdGroup, TiktokAdvertiserInfo, TiktokCampaign, TiktokReportRow } from './schemas.js';

/**
 * TikTok shapes → Stratum's. Budgets and spend are major-unit decimals of the advertiser's
 * currency; report metrics are strings where "-" or "" means no data.
 */

/** A major-unit amount (number or decimal string) to minor units; "no data" is 0. */
export function tiktokAmountToMinor(v: string | number | null | undefined, currency: string): number {
  if (v === null || v === undefined) return 0;
  const text = typeof v === 'number' ? v : v.trim();
  if (text === '' || text === '-') return 0;
  return majorToMinor(text, currency);
}

/** Minor units to the decimal number TikTok's budget fields take (`75.5` for 7550 USD cents). */
export const minorToTiktokBudget = (minor: number, currency: string): number => Number(minorToMajorString(minor, currency));

export function tiktokCount(v: string | number | null | undefined): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  const n = Number(v.replace(/,/g, '').trim());
  return v.trim() === '' || Number.isNaN(n) ? 0 : n;
}

const STATUSES: Record<string, EntityStatus> = { ENABLE: 'ACTIVE', DISABLE: 'PAUSED', DELETE: 'DELETED' };
/** `operation_status` is the advertiser's switch; anything unexpected counts as not running. */
export const tiktokStatus = (s: string): EntityStatus => STATUSES[s.toUpperCase()] ?? 'PAUSED';

const DAILY_MODES = new Set(['BUDGET_MODE_DAY', 'BUDGET_MODE_DYNAMIC_DAILY_BUDGET']);

function budgets(x: { budget?: string | number | null | undefined; budget_mode?: string | undefined }, currency: string) {
  const amount = x.budget === null || x.budget === undefined ? null : tiktokAmountToMinor(x.budget, currency);
  const mode = x.budget_mode ?? '';
  return {
    dailyBudgetMinor: amount !== null && DAILY_MODES.has(mode) ? amount : null,
    lifetimeBudgetMinor: amount !== null && mode === 'BUDGET_MODE_TOTAL' ? amount : null,
  };
}

const validZone = (z: string | undefined): z is string => {
  if (!z) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: z });
    return true;
  } catch {
    return false;
  }
};

function accountStatus(s: string | undefined): AdAccount['status'] {
  if (s === 'STATUS_ENABLE') return 'active';
  if (s && /PENDING|WAIT|UNAUDITED/.test(s)) return 'pending';
  return 'disabled';
}

export function mapTiktokAdvertiser(a: TiktokAdvertiserInfo, fallbackName = ''): AdAccount {
  // `display_timezone` is the IANA name Ads Manager shows; `timezone` can be an Etc/GMT offset.
  const zone = [a.display_timezone, a.timezone].find(validZone) ?? 'UTC';
  return {
    externalId: a.advertiser_id,
    name: a.name ?? fallbackName,
    currency: a.currency.toUpperCase(),
    timeZone: zone,
    status: accountStatus(a.status),
    spendLast30dMinor: null,
    managerId: null,
  };
}

export function mapTiktokCampaign(c: TiktokCampaign, currency: string): Entity {
  return {
    level: 'campaign',
    externalId: c.campaign_id,
    parentExternalId: null,
    campaignExternalId: c.campaign_id,
    name: c.campaign_name,
    status: tiktokStatus(c.operation_status),
    platformStatus: c.secondary_status ?? c.operation_status,
    ...budgets(c, currency),
    objective: c.objective_type ?? null,
    raw: c,
  };
}

export function mapTiktokAdGroup(g: TiktokAdGroup, currency: string): Entity {
  return {
    level: 'ad_set',
    externalId: g.adgroup_id,
    parentExternalId: g.campaign_id,
    campaignExternalId: g.campaign_id,
    name: g.adgroup_name,
    status: tiktokStatus(g.operation_status),
    platformStatus: g.secondary_status ?? g.operation_status,
    ...budgets(g, currency),
    objective: null,
    raw: g,
  };
}

export function mapTiktokAd(a: TiktokAd): Entity {
  return {
    level: 'ad',
    externalId: a.ad_id,
    parentExternalId: a.adgroup_id,
    campaignExternalId: a.campaign_id,
    name: a.ad_name,
    status: tiktokStatus(a.operation_status),
    platformStatus: a.secondary_status ?? a.operation_status,
    dailyBudgetMinor: null,
    lifetimeBudgetMinor: null,
    objective: null,
    raw: a,
  };
}

/**
 * The report metrics read (METRICS.md). Purchase value: `total_complete_payment_rate` is, despite
 * its name, the value of `complete_payment` events; `total_purchase_value` belongs to the
 * separate Purchase event and is the fallback when the former is absent.
 */
export const TIKTOK_REPORT_METRICS = [
  'spend',
  'impressions',
  'clicks',
  'complete_payment',
  'total_complete_payment_rate',
  'total_purchase_value',
  'registration',
  'sales_lead',
] as const;

const present = (v: string | number | null | undefined): boolean => v !== null && v !== undefined && String(v).trim() !== '' && String(v).trim() !== '-';

export function mapTiktokReportRow(row: TiktokReportRow, currency: string): DailyMetric {
  const m = row.metrics;
  const revenue = present(m.total_complete_payment_rate) ? m.total_complete_payment_rate : m.total_purchase_value;
  // An account optimises for one lead event; a row carrying form leads is read as such, else registrations.
  const leads = tiktokCount(m.sales_lead) > 0 ? tiktokCount(m.sales_lead) : tiktokCount(m.registration);
  return {
    adExternalId: row.dimensions.ad_id,
    date: row.dimensions.stat_time_day.slice(0, 10),
    spendMinor: tiktokAmountToMinor(m.spend, currency),
    impressions: tiktokCount(m.impressions),
    clicks: tiktokCount(m.clicks),
    purchases: tiktokCount(m.complete_payment),
    revenueMinor: tiktokAmountToMinor(revenue, currency),
    leads,
    raw: row,
  };
}
