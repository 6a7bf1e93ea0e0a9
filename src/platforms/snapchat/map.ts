import { microsToMinor } from '../../shared/money.js';
import type { AdAccount, DailyMetric, Entity, EntityStatus } from '../types.js';
import { dayOfBucket } from './local-time.js';
import type { SnapAd, SnapAdAccount, SnapAdSquad, SnapAdTimeseries, SnapCampaign } from './schemas.js';

export function entityStatus(status: string): EntityStatus {
  switch (status.toUpperCase()) {
    case 'ACTIVE':
      return 'ACTIVE';
    case 'DELETED':
      return 'DELETED';
    case 'ARCHIVED':
      return 'ARCHIVED';
    default:
      return 'PAUSED';
  }
}

export function accountStatus(status: string): AdAccount['status'] {
  const s = status.toUpperCase();
  if (s === 'ACTIVE') return 'active';
  if (s.startsWith('PENDING')) return 'pending';
  if (s === 'DELETED' || s === 'CLOSED') return 'closed';
  return 'disabled';
}

export function mapAdAccount(a: SnapAdAccount): AdAccount {
  return {
    externalId: a.id,
    name: a.name || a.id,
    currency: a.currency.toUpperCase(),
    timeZone: a.timezone,
    status: accountStatus(a.status),
    spendLast30dMinor: null,
    managerId: null,
  };
}

/** Micro amounts where 0 or absent means "no budget set". */
function budget(micro: number | null | undefined, currency: string): number | null {
  return micro ? microsToMinor(micro, currency) : null;
}

/** What is delivering in Snapchat's words: `delivery_status` when given, else the set status. */
function platformStatus(e: { status: string; delivery_status?: string[] | undefined }): string {
  return e.delivery_status?.length ? e.delivery_status.join(',') : e.status;
}

export function mapCampaign(c: SnapCampaign, raw: Record<string, unknown>, currency: string): Entity {
  return {
    level: 'campaign',
    externalId: c.id,
    parentExternalId: null,
    campaignExternalId: c.id,
    name: c.name,
    status: entityStatus(c.status),
    platformStatus: platformStatus(c),
    dailyBudgetMinor: budget(c.daily_budget_micro, currency),
    // A campaign's lifetime spend cap is what bounds its total spend.
    lifetimeBudgetMinor: budget(c.lifetime_spend_cap_micro, currency),
    objective: c.objective ?? null,
    raw,
  };
}

export function mapAdSquad(s: SnapAdSquad, raw: Record<string, unknown>, currency: string): Entity {
  return {
    level: 'ad_set',
    externalId: s.id,
    parentExternalId: s.campaign_id,
    campaignExternalId: s.campaign_id,
    name: s.name,
    status: entityStatus(s.status),
    platformStatus: platformStatus(s),
    dailyBudgetMinor: budget(s.daily_budget_micro, currency),
    lifetimeBudgetMinor: budget(s.lifetime_budget_micro, currency),
    objective: s.optimization_goal ?? null,
    raw,
  };
}

export function mapAd(a: SnapAd, raw: Record<string, unknown>, campaignId: string): Entity {
  return {
    level: 'ad',
    externalId: a.id,
    parentExternalId: a.ad_squad_id,
    campaignExternalId: campaignId,
    name: a.name,
    status: entityStatus(a.status),
    platformStatus: a.delivery_status?.length ? a.delivery_status.join(',') : (a.review_status ? `${a.status},${a.review_status}` : a.status),
    dailyBudgetMinor: null,
    lifetimeBudgetMinor: null,
    objective: null,
    raw,
  };
}

/** One ad's DAY series to rows, in account-local dates, micro → minor units (METRICS.md: clicks = swipes). */
export function mapAdTimeseries(series: SnapAdTimeseries, currency: string, timeZone: string): DailyMetric[] {
  return series.timeseries.map((point) => ({
    adExternalId: series.id,
    date: dayOfBucket(point.start_time, timeZone),
    spendMinor: microsToMinor(point.stats.spend, currency),
    impressions: point.stats.impressions,
    clicks: point.stats.swipes,
    purchases: point.stats.conversion_purchases,
    revenueMinor: microsToMinor(point.stats.conversion_purchases_value, currency),
    leads: point.stats.conversion_sign_ups,
    raw: { ...point.stats, start_time: point.start_time },
  }));
}
