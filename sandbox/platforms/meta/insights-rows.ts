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

const ACTION_TYPES = ['lead', 'link_click', 'offsite_conversion.fb_pixel_lead', 'offsite_conversion.fb_pixel_purchase', 'omni_purchase', 'purchase'] as const;
const VALUE_TYPES = ['offsite_conversion.fb_pixel_purchase', 'omni_purchase', 'purchase'] as const;

function actionList(n: DayNumbers, windows: string[] | null): Array<Record<string, string>> {
  const counts = [n.leads, n.clicks, n.leads, n.purchases, n.purchases, n.purchases];
  const out: Array<Record<string, string>> = [];
  for (let i = 0; i < ACTION_TYPES.length; i++) {
    const v = counts[i]!;
    if (v > 0) out.push({ action_type: ACTION_TYPES[i]!, value: String(v), ...windowed(v, windows, String) });
  }
  return out;
}

function valueList(n: DayNumbers, currency: string, windows: string[] | null): Array<Record<string, string>> {
  if (n.revenueMinor <= 0) return [];
  const value = majorString(n.revenueMinor, currency);
  return VALUE_TYPES.map((action_type) => ({ action_type, value, ...windowed(n.revenueMinor, windows, (m) => majorString(m, currency)) }));
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

const ratio = (num: number, den: number): string | undefined => (den > 0 ? ratioString(num / den) : undefined);
const listOrNone = <T>(l: T[]): T[] | undefined => (l.length ? l : undefined);

/**
 * One field of a row. A switch rather than a table of closures: rows are rendered by the
 * hundred thousand, and closures built per row cost more than the row itself.
 */
function fieldValue(f: string, s: RowSubject, b: Bucket, n: DayNumbers, spend: number, windows: string[] | null): unknown {
  const cur = s.account.currency;
  switch (f) {
    case 'account_id':
      return s.account.id;
    case 'account_name':
      return s.account.name;
    case 'account_currency':
      return cur;
    case 'campaign_id':
      return s.campaign?.id;
    case 'campaign_name':
      return s.campaign?.name;
    case 'adset_id':
      return s.adSet?.id;
    case 'adset_name':
      return s.adSet?.name;
    case 'ad_id':
      return s.ad?.id;
    case 'ad_name':
      return s.ad?.name;
    case 'objective':
      return s.campaign ? OBJECTIVE[s.campaign.objective] : undefined;
    case 'date_start':
      return b.since;
    case 'date_stop':
      return b.until;
    case 'spend':
      return majorString(n.spendMinor, cur);
    case 'impressions':
      return String(n.impressions);
    case 'clicks':
      return String(allClicks(n));
    case 'inline_link_clicks':
      return String(n.clicks);
    case 'ctr':
      return ratio(allClicks(n) * 100, n.impressions);
    case 'inline_link_click_ctr':
      return ratio(n.clicks * 100, n.impressions);
    case 'cpc':
      return ratio(spend, allClicks(n));
    case 'cost_per_inline_link_click':
      return ratio(spend, n.clicks);
    case 'cpm':
      return ratio(spend * 1000, n.impressions);
    case 'actions':
      return listOrNone(actionList(n, windows));
    case 'action_values':
      return listOrNone(valueList(n, cur, windows));
    case 'purchase_roas':
      return n.revenueMinor > 0 && n.spendMinor > 0 ? [{ action_type: 'omni_purchase', value: ratioString(n.revenueMinor / n.spendMinor) }] : undefined;
    case 'website_purchase_roas':
      return n.revenueMinor > 0 && n.spendMinor > 0 ? [{ action_type: 'offsite_conversion.fb_pixel_purchase', value: ratioString(n.revenueMinor / n.spendMinor) }] : undefined;
    case 'cost_per_action_type':
      return listOrNone(actionList(n, null).map((a) => ({ action_type: a.action_type!, value: ratioString(spend / Number(a.value)) })));
    default:
      return undefined;
  }
}

export function renderRow(s: RowSubject, b: Bucket, n: DayNumbers, fields: string[], windows: string[] | null): Record<string, unknown> {
  const spend = n.spendMinor / 10 ** currencyExponent(s.account.currency);
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = fieldValue(f, s, b, n, spend, windows);
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
