import type { DayNumbers, Objective, WorldAccount, WorldEntity } from '../../world/types.js';
import type { Bucket, InsightsLevel } from './insights-query.js';
import { currencyExponent, majorString, ratioString } from './units.js';

/**
 * One Insights row from the world's integer numbers. Every metric is a string; money is in
 * major units. Purchases appear under the aliases Meta reports together (`omni_purchase`,
 * `purchase`, `offsite_conversion.fb_pixel_purchase`, all equal), leads under `lead` and
 * `offsite_conversion.fb_pixel_lead`; zero entries are left out, as are empty lists.
 */

export interface RowSubject {
  level: InsightsLevel;
  account: WorldAccount;
  campaign?: { id: string; name: string; objective: Objective };
  adSet?: { id: string; name: string };
  ad?: { id: string; name: string };
}

/** All clicks (Meta's `clicks`) count more than link clicks: other clicks on the ad are added. */
export const allClicks = (n: DayNumbers): number => n.clicks + Math.floor(n.clicks / 4);

const OBJECTIVE: Record<Objective, string> = { SALES: 'OUTCOME_SALES', LEADS: 'OUTCOME_LEADS', TRAFFIC: 'OUTCOME_TRAFFIC', AWARENESS: 'OUTCOME_AWARENESS' };

/**
 * Per-window breakdown of an action when `action_attribution_windows` is asked: click windows
 * hold four fifths, view windows the rest (simulated; the world has one attributed figure).
 */
function windowed(total: number, windows: string[] | null, fmt: (n: number) => string): Record<string, string> {
  if (!windows) return {};
  const view = Math.floor(total / 5);
  const out: Record<string, string> = {};
  for (const w of windows) out[w] = fmt(w.includes('view') ? view : w.includes('click') ? total - view : total);
  return out;
}

function actionList(n: DayNumbers, windows: string[] | null): Array<Record<string, string>> {
  const counts: Array<[string, number]> = [
    ['lead', n.leads],
    ['link_click', n.clicks],
    ['offsite_conversion.fb_pixel_lead', n.leads],
    ['offsite_conversion.fb_pixel_purchase', n.purchases],
    ['omni_purchase', n.purchases],
    ['purchase', n.purchases],
  ];
  return counts.filter(([, v]) => v > 0).map(([action_type, v]) => ({ action_type, value: String(v), ...windowed(v, windows, String) }));
}

function valueList(n: DayNumbers, currency: string, windows: string[] | null): Array<Record<string, string>> {
  if (n.revenueMinor <= 0) return [];
  const money = (m: number) => majorString(m, currency);
  return ['offsite_conversion.fb_pixel_purchase', 'omni_purchase', 'purchase'].map((action_type) => ({
    action_type,
    value: money(n.revenueMinor),
    ...windowed(n.revenueMinor, windows, money),
  }));
}

export function isEmpty(n: DayNumbers): boolean {
  return n.impressions === 0 && n.spendMinor === 0 && n.clicks === 0 && n.purchases === 0 && n.leads === 0 && n.revenueMinor === 0;
}

export function addNumbers(a: DayNumbers, b: DayNumbers): DayNumbers {
  return {
    impressions: a.impressions + b.impressions,
    clicks: a.clicks + b.clicks,
    spendMinor: a.spendMinor + b.spendMinor,
    purchases: a.purchases + b.purchases,
    revenueMinor: a.revenueMinor + b.revenueMinor,
    leads: a.leads + b.leads,
  };
}

export const ZERO: DayNumbers = { impressions: 0, clicks: 0, spendMinor: 0, purchases: 0, revenueMinor: 0, leads: 0 };

export function renderRow(s: RowSubject, b: Bucket, n: DayNumbers, fields: string[], windows: string[] | null): Record<string, unknown> {
  const cur = s.account.currency;
  const spend = n.spendMinor / 10 ** currencyExponent(cur);
  const ratio = (num: number, den: number) => (den > 0 ? ratioString(num / den) : undefined);
  const value: Record<string, () => unknown> = {
    account_id: () => s.account.id,
    account_name: () => s.account.name,
    account_currency: () => cur,
    campaign_id: () => s.campaign?.id,
    campaign_name: () => s.campaign?.name,
    adset_id: () => s.adSet?.id,
    adset_name: () => s.adSet?.name,
    ad_id: () => s.ad?.id,
    ad_name: () => s.ad?.name,
    objective: () => (s.campaign ? OBJECTIVE[s.campaign.objective] : undefined),
    date_start: () => b.since,
    date_stop: () => b.until,
    spend: () => majorString(n.spendMinor, cur),
    impressions: () => String(n.impressions),
    clicks: () => String(allClicks(n)),
    inline_link_clicks: () => String(n.clicks),
    ctr: () => ratio(allClicks(n) * 100, n.impressions),
    inline_link_click_ctr: () => ratio(n.clicks * 100, n.impressions),
    cpc: () => ratio(spend, allClicks(n)),
    cost_per_inline_link_click: () => ratio(spend, n.clicks),
    cpm: () => ratio(spend * 1000, n.impressions),
    actions: () => {
      const l = actionList(n, windows);
      return l.length ? l : undefined;
    },
    action_values: () => {
      const l = valueList(n, cur, windows);
      return l.length ? l : undefined;
    },
    purchase_roas: () => (n.revenueMinor > 0 && n.spendMinor > 0 ? [{ action_type: 'omni_purchase', value: ratioString(n.revenueMinor / n.spendMinor) }] : undefined),
    website_purchase_roas: () =>
      n.revenueMinor > 0 && n.spendMinor > 0 ? [{ action_type: 'offsite_conversion.fb_pixel_purchase', value: ratioString(n.revenueMinor / n.spendMinor) }] : undefined,
    cost_per_action_type: () => {
      const l = actionList(n, null).map((a) => ({ action_type: a.action_type!, value: ratioString(spend / Number(a.value)) }));
      return l.length ? l : undefined;
    },
  };
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = value[f]?.();
    if (v !== undefined) out[f] = v;
  }
  // Graph always closes a row with its dates, even when they were not asked for.
  out.date_start = b.since;
  out.date_stop = b.until;
  return out;
}

export function subjectOf(level: InsightsLevel, account: WorldAccount, e: WorldEntity | null, campaignOf: (id: string) => { id: string; name: string; objective: Objective } | undefined, adSetOf: (id: string) => { id: string; name: string } | undefined): RowSubject {
  if (!e) return { level, account };
  if (e.level === 'campaign') return { level, account, campaign: e };
  if (e.level === 'ad_set') return { level, account, campaign: campaignOf(e.campaignId), adSet: e };
  return { level, account, campaign: campaignOf(e.campaignId), adSet: adSetOf(e.adSetId), ad: e };
}
