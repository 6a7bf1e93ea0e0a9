import { currencyExponent, majorToMinor } from '../../shared/money.js';
import type { AdAccount, DailyMetric, Entity, EntityStatus } from '../types.js';
import type { MetaAction, MetaAd, MetaAdAccount, MetaAdSet, MetaCampaign, MetaInsight } from './schemas.js';

/**
 * Graph shapes → Stratum's. Budgets come in Meta's "offset" units (the currency's amount × 1
 * or × 100, per Meta's currency table — not always the ISO exponent: HUF and TWD use 1, KWD
 * and BHD use 100); insights money comes as major-unit decimal strings.
 */
const OFFSET_ONE = new Set(['CLP', 'COP', 'CRC', 'HUF', 'ISK', 'IDR', 'JPY', 'KRW', 'PYG', 'TWD', 'VND']);

export const metaBudgetOffset = (currency: string): 1 | 100 => (OFFSET_ONE.has(currency.toUpperCase()) ? 1 : 100);

/** A Graph budget string ("2000") to minor units of the ISO currency. */
export function metaBudgetToMinor(value: string, currency: string): number {
  if (metaBudgetOffset(currency) === 1) return majorToMinor(value, currency);
  const padded = value.padStart(3, '0');
  return majorToMinor(`${padded.slice(0, -2)}.${padded.slice(-2)}`, currency);
}

/** Minor units to the integer Meta accepts; amounts finer than Meta's unit round half up (e.g. KWD 12.345 → 1235). */
export function minorToMetaBudget(minor: number, currency: string): string {
  const scaled = (minor * metaBudgetOffset(currency)) / 10 ** currencyExponent(currency);
  return String(Math.round(scaled));
}

const STATUSES: Record<string, EntityStatus> = { ACTIVE: 'ACTIVE', PAUSED: 'PAUSED', DELETED: 'DELETED', ARCHIVED: 'ARCHIVED' };

/** `status` is the advertiser's switch; anything unexpected is treated as not running. */
export const metaStatus = (s: string): EntityStatus => STATUSES[s.toUpperCase()] ?? 'PAUSED';

const ACCOUNT_STATUS: Record<number, AdAccount['status']> = {
  1: 'active',
  2: 'disabled',
  3: 'disabled',
  7: 'pending',
  8: 'pending',
  9: 'active',
  100: 'closed',
  101: 'closed',
  201: 'active',
  202: 'closed',
};

export function mapMetaAdAccount(a: MetaAdAccount): AdAccount {
  return {
    externalId: a.account_id ?? a.id.replace(/^act_/, ''),
    name: a.name,
    currency: a.currency.toUpperCase(),
    timeZone: a.timezone_name,
    status: ACCOUNT_STATUS[a.account_status] ?? 'disabled',
    spendLast30dMinor: null,
    managerId: null,
  };
}

const budgets = (x: { daily_budget?: string | undefined; lifetime_budget?: string | undefined }, currency: string) => ({
  // Graph prints "0" for a level that holds no budget.
  dailyBudgetMinor: x.daily_budget && x.daily_budget !== '0' ? metaBudgetToMinor(x.daily_budget, currency) : null,
  lifetimeBudgetMinor: x.lifetime_budget && x.lifetime_budget !== '0' ? metaBudgetToMinor(x.lifetime_budget, currency) : null,
});

export function mapMetaCampaign(c: MetaCampaign, currency: string): Entity {
  return {
    level: 'campaign',
    externalId: c.id,
    parentExternalId: null,
    campaignExternalId: c.id,
    name: c.name,
    status: metaStatus(c.status),
    platformStatus: c.effective_status ?? c.status,
    ...budgets(c, currency),
    objective: c.objective ?? null,
    raw: c,
  };
}

export function mapMetaAdSet(s: MetaAdSet, currency: string): Entity {
  return {
    level: 'ad_set',
    externalId: s.id,
    parentExternalId: s.campaign_id,
    campaignExternalId: s.campaign_id,
    name: s.name,
    status: metaStatus(s.status),
    platformStatus: s.effective_status ?? s.status,
    ...budgets(s, currency),
    objective: null,
    raw: s,
  };
}

export function mapMetaAd(a: MetaAd): Entity {
  return {
    level: 'ad',
    externalId: a.id,
    parentExternalId: a.adset_id,
    campaignExternalId: a.campaign_id,
    name: a.name,
    status: metaStatus(a.status),
    platformStatus: a.effective_status ?? a.status,
    dailyBudgetMinor: null,
    lifetimeBudgetMinor: null,
    objective: null,
    raw: a,
  };
}

/** One canonical type per metric (METRICS.md): Meta lists aliases of one event with equal values, never add them. */
export const PURCHASE_TYPES = ['omni_purchase', 'purchase'] as const;
export const LEAD_TYPES = ['lead', 'offsite_conversion.fb_pixel_lead'] as const;

const firstType = (types: readonly string[], list: MetaAction[] | undefined): string | undefined => types.find((t) => list?.some((a) => a.action_type === t));

const valueOf = (list: MetaAction[] | undefined, type: string | undefined): string | undefined =>
  type === undefined ? undefined : list?.find((a) => a.action_type === type)?.value;

const count = (v: string | undefined): number => (v ? Number(v) : 0);

export function mapMetaInsight(row: MetaInsight, currency: string): DailyMetric {
  const purchaseType = firstType(PURCHASE_TYPES, row.actions);
  const leadType = firstType(LEAD_TYPES, row.actions);
  // The value of the counted type; an alias carries the same value when that type is missing.
  const revenue = valueOf(row.action_values, purchaseType) ?? valueOf(row.action_values, firstType(PURCHASE_TYPES, row.action_values));
  return {
    adExternalId: row.ad_id,
    date: row.date_start,
    spendMinor: row.spend ? majorToMinor(row.spend, currency) : 0,
    impressions: count(row.impressions),
    clicks: count(row.inline_link_clicks),
    purchases: count(valueOf(row.actions, purchaseType)),
    revenueMinor: revenue ? majorToMinor(revenue, currency) : 0,
    leads: count(valueOf(row.actions, leadType)),
    raw: row,
  };
}
