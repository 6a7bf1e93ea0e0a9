import type { AdAccount, DailyMetric, Entity } from '../types.js';

/**
 * The shapes of the sandbox's control routes (`/_sandbox/...`) as contract tests read them,
 * written from the routes' answers, not imported from the sandbox's code.
 */
export interface WorldAccountView {
  id: string;
  name: string;
  currency: string;
  time_zone: string;
  manager_id: string | null;
  today: string;
  owners: Array<{ id: string }>;
  size: { campaigns: number; ad_sets_per_campaign: number; ads_per_ad_set: number; ads: number };
}

export interface WorldEntityView {
  level: Entity['level'];
  id: string;
  campaignId?: string;
  adSetId?: string;
  status: string;
  dailyBudgetMinor?: number | null;
}

export type Totals = Record<'impressions' | 'clicks' | 'spend_minor' | 'purchases' | 'revenue_minor' | 'leads', number>;
export type TruthRow = Totals & { date: string };

export interface NewWorldAccount {
  name: string;
  currency: string;
  time_zone: string;
  /** A sandbox person id; the sandbox's default is its `scale` person. */
  owner?: string;
  business?: string;
  campaigns: number;
  ad_sets_per_campaign: number;
  ads_per_ad_set: number;
  seed?: number;
  start_date?: string;
}

/** An entity as "level id parent status budget", the form both sides are compared in. */
export const entityLine = (e: Entity): string => `${e.level} ${e.externalId} parent=${e.parentExternalId ?? '-'} ${e.status} budget=${e.dailyBudgetMinor ?? '-'}`;

/** A sandbox account as a connection would hold it after account selection. */
export const asAdAccount = (w: WorldAccountView): AdAccount => ({
  externalId: w.id,
  name: w.name,
  currency: w.currency,
  timeZone: w.time_zone,
  status: 'active',
  spendLast30dMinor: null,
  managerId: w.manager_id,
});

/** The adapter's ad rows summed into the report's fields, to compare a day with the sandbox's truth. */
export const zero = (): Totals => ({ impressions: 0, clicks: 0, spend_minor: 0, purchases: 0, revenue_minor: 0, leads: 0 });
export function add(d: Totals, r: DailyMetric): Totals {
  d.impressions += r.impressions;
  d.clicks += r.clicks;
  d.spend_minor += r.spendMinor;
  d.purchases += r.purchases;
  d.revenue_minor += r.revenueMinor;
  d.leads += r.leads;
  return d;
}
