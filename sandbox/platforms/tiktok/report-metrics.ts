import { minorExponent } from '../../world/money.js';
import type { DayNumbers } from '../../world/types.js';
import type { DataLevel } from './report-params.js';
import { majorString, ratio } from './units.js';

/**
 * The report metrics the sandbox serves, as TikTok names them. Values are strings, money in
 * the advertiser currency's major unit. Stratum's base numbers map as METRICS.md says:
 * purchases = `complete_payment`, revenue = `total_purchase_value` (also served under TikTok's
 * misnamed `total_complete_payment_rate`, which carries the same value), leads = `registration`
 * (and `sales_lead`, the same number, for lead-generation accounts). `conversion` counts every
 * optimisation event: purchases + leads.
 */
export interface MetricContext {
  n: DayNumbers;
  currency: string;
  /** Names and ids of the row's entity and its parents, for attribute metrics. */
  attr(name: string): string;
}

interface MetricDef {
  /** Attribute metrics exist only at these levels (and need the id dimension). */
  levels?: readonly DataLevel[];
  value(c: MetricContext): string;
}

const major = (c: MetricContext, minor: number) => minor / 10 ** minorExponent(c.currency);
const count = (pick: (n: DayNumbers) => number): MetricDef => ({ value: (c) => String(pick(c.n)) });
const money = (pick: (n: DayNumbers) => number): MetricDef => ({ value: (c) => majorString(pick(c.n), c.currency) });
const costPer = (pick: (n: DayNumbers) => number): MetricDef => ({ value: (c) => ratio(major(c, c.n.spendMinor), pick(c.n)) });
const attribute = (levels: readonly DataLevel[]): MetricDef => ({ levels, value: () => '' });
const conversions = (n: DayNumbers) => n.purchases + n.leads;

const BELOW_CAMPAIGN: readonly DataLevel[] = ['AUCTION_AD', 'AUCTION_ADGROUP'];

export const METRICS: Readonly<Record<string, MetricDef>> = {
  spend: money((n) => n.spendMinor),
  impressions: count((n) => n.impressions),
  clicks: count((n) => n.clicks),
  ctr: { value: (c) => ratio(c.n.clicks, c.n.impressions, 100) },
  cpc: costPer((n) => n.clicks),
  cpm: { value: (c) => ratio(major(c, c.n.spendMinor), c.n.impressions, 1000) },
  conversion: count(conversions),
  cost_per_conversion: costPer(conversions),
  conversion_rate: { value: (c) => ratio(conversions(c.n), c.n.clicks, 100) },
  complete_payment: count((n) => n.purchases),
  cost_per_complete_payment: costPer((n) => n.purchases),
  total_purchase_value: money((n) => n.revenueMinor),
  total_complete_payment_rate: money((n) => n.revenueMinor),
  value_per_complete_payment: { value: (c) => ratio(major(c, c.n.revenueMinor), c.n.purchases) },
  complete_payment_roas: { value: (c) => ratio(c.n.revenueMinor, c.n.spendMinor) },
  registration: count((n) => n.leads),
  cost_per_registration: costPer((n) => n.leads),
  sales_lead: count((n) => n.leads),
  cost_per_sales_lead: costPer((n) => n.leads),
  currency: { value: (c) => c.currency },
  campaign_name: attribute(['AUCTION_AD', 'AUCTION_ADGROUP', 'AUCTION_CAMPAIGN']),
  objective_type: attribute(['AUCTION_AD', 'AUCTION_ADGROUP', 'AUCTION_CAMPAIGN']),
  campaign_id: attribute(BELOW_CAMPAIGN),
  adgroup_name: attribute(BELOW_CAMPAIGN),
  adgroup_id: attribute(['AUCTION_AD']),
  ad_name: attribute(['AUCTION_AD']),
  ad_text: attribute(['AUCTION_AD']),
  advertiser_name: attribute(['AUCTION_ADVERTISER']),
};

export function metricValues(names: readonly string[], c: MetricContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const def = METRICS[name]!;
    out[name] = def.levels ? c.attr(name) : def.value(c);
  }
  return out;
}

export const isEmptyDay = (n: DayNumbers): boolean =>
  n.impressions === 0 && n.clicks === 0 && n.spendMinor === 0 && n.purchases === 0 && n.leads === 0 && n.revenueMinor === 0;

export const ZERO: DayNumbers = { impressions: 0, clicks: 0, spendMinor: 0, purchases: 0, revenueMinor: 0, leads: 0 };

export function addDay(a: DayNumbers, b: DayNumbers): DayNumbers {
  return {
    impressions: a.impressions + b.impressions,
    clicks: a.clicks + b.clicks,
    spendMinor: a.spendMinor + b.spendMinor,
    purchases: a.purchases + b.purchases,
    revenueMinor: a.revenueMinor + b.revenueMinor,
    leads: a.leads + b.leads,
  };
}
