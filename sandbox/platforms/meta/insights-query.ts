import { z } from 'zod';
import type { World, WorldAccount } from '../../world/types.js';
import { GraphError, graphErrors } from './errors.js';
import { parseFields } from './fields.js';
import { jsonParam, list, str, type Params } from './params.js';
import { addDays, addMonths, daysBetween, isDate } from './units.js';

/** The parameters of `GET /{node}/insights`, checked the way the Insights API checks them. */

export type InsightsLevel = 'account' | 'campaign' | 'adset' | 'ad';
export interface Bucket {
  since: string;
  until: string;
}

export interface InsightsQuery {
  level: InsightsLevel | null;
  buckets: Bucket[];
  days: number;
  fields: string[];
  windows: string[] | null;
}

export const INSIGHT_FIELDS = new Set([
  'account_id', 'account_name', 'account_currency', 'campaign_id', 'campaign_name', 'adset_id', 'adset_name', 'ad_id', 'ad_name',
  'date_start', 'date_stop', 'spend', 'impressions', 'clicks', 'inline_link_clicks', 'ctr', 'cpc', 'cpm', 'inline_link_click_ctr',
  'cost_per_inline_link_click', 'actions', 'action_values', 'purchase_roas', 'website_purchase_roas', 'cost_per_action_type', 'objective',
]);
/** Real Insights fields the sandbox has no numbers for: accepted and left out of rows. */
const QUIET_FIELDS = new Set(['reach', 'frequency', 'unique_clicks', 'outbound_clicks', 'video_play_actions', 'quality_ranking', 'conversions', 'conversion_values']);
const DEFAULT_FIELDS = ['date_start', 'date_stop', 'impressions', 'spend'];

const WINDOWS = [
  '1d_click', '7d_click', '28d_click', '1d_view', '7d_view', '28d_view', '1d_ev', 'dda', 'default',
  '7d_view_first_conversion', '28d_view_first_conversion', '7d_view_all_conversions', '28d_view_all_conversions',
  'skan_view', 'skan_click',
] as const;

const timeRangeSchema = z.object({ since: z.string().refine(isDate, 'must be a date (YYYY-MM-DD)'), until: z.string().refine(isDate, 'must be a date (YYYY-MM-DD)') });

const DATE_PRESETS = [
  'today', 'yesterday', 'this_month', 'last_month', 'this_quarter', 'maximum', 'data_maximum', 'last_3d', 'last_7d', 'last_14d', 'last_28d',
  'last_30d', 'last_90d', 'last_week_mon_sun', 'last_week_sun_sat', 'last_quarter', 'last_year', 'this_week_mon_today', 'this_week_sun_today', 'this_year',
] as const;

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
const quarterStart = (d: string) => `${d.slice(0, 5)}${String(Math.floor((Number(d.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

/** Dates of a preset relative to the account's today (presets ending "d" stop at yesterday, as Ads Manager does). */
export function presetRange(preset: string, today: string): Bucket {
  const last = /^last_(\d+)d$/.exec(preset);
  if (last) return { since: addDays(today, -Number(last[1])), until: addDays(today, -1) };
  switch (preset) {
    case 'today':
      return { since: today, until: today };
    case 'yesterday':
      return { since: addDays(today, -1), until: addDays(today, -1) };
    case 'this_month':
      return { since: monthStart(today), until: today };
    case 'last_month':
      return { since: addMonths(monthStart(today), -1), until: addDays(monthStart(today), -1) };
    case 'this_quarter':
      return { since: quarterStart(today), until: today };
    case 'last_quarter':
      return { since: addMonths(quarterStart(today), -3), until: addDays(quarterStart(today), -1) };
    case 'this_year':
      return { since: `${today.slice(0, 4)}-01-01`, until: today };
    case 'last_year':
      return { since: `${Number(today.slice(0, 4)) - 1}-01-01`, until: `${Number(today.slice(0, 4)) - 1}-12-31` };
    case 'this_week_mon_today':
      return { since: addDays(today, -((weekday(today) + 6) % 7)), until: today };
    case 'this_week_sun_today':
      return { since: addDays(today, -weekday(today)), until: today };
    case 'last_week_mon_sun': {
      const monday = addDays(today, -((weekday(today) + 6) % 7) - 7);
      return { since: monday, until: addDays(monday, 6) };
    }
    case 'last_week_sun_sat': {
      const sunday = addDays(today, -weekday(today) - 7);
      return { since: sunday, until: addDays(sunday, 6) };
    }
    default:
      return { since: addMonths(today, -37), until: today };
  }
}

function bucketsOf(range: Bucket, increment: string): Bucket[] {
  const out: Bucket[] = [];
  if (increment === 'all_days') return [range];
  if (increment === 'monthly') {
    for (let s = range.since; s <= range.until; s = addMonths(monthStart(s), 1)) {
      const end = addDays(addMonths(monthStart(s), 1), -1);
      out.push({ since: s, until: end < range.until ? end : range.until });
    }
    return out;
  }
  const n = Number(increment);
  for (let s = range.since; s <= range.until; s = addDays(s, n)) {
    const end = addDays(s, n - 1);
    out.push({ since: s, until: end < range.until ? end : range.until });
  }
  return out;
}

export function readInsightsQuery(world: World, account: WorldAccount, p: Params): InsightsQuery {
  const levelRaw = str(p, 'level');
  if (levelRaw !== undefined && !['account', 'campaign', 'adset', 'ad'].includes(levelRaw)) {
    throw graphErrors.invalidParam('(#100) param level must be one of {ad, adset, campaign, account}');
  }
  const today = world.today(account);
  const tr = jsonParam(p, 'time_range', timeRangeSchema);
  const preset = str(p, 'date_preset');
  if (preset !== undefined && !(DATE_PRESETS as readonly string[]).includes(preset)) {
    throw graphErrors.invalidParam(`(#100) date_preset must be one of the following values: ${DATE_PRESETS.join(', ')}`);
  }
  const range = tr ?? presetRange(preset ?? 'last_30d', today);
  if (range.since > range.until) throw graphErrors.invalidParam('(#100) time_range: since must be on or before until');
  if (range.since < addMonths(today, -37)) {
    if (tr) throw new GraphError(3018, '(#3018) The start date of the time range cannot be beyond 37 months from the current date');
    range.since = addMonths(today, -37);
  }
  const increment = str(p, 'time_increment') ?? 'all_days';
  if (!(increment === 'all_days' || increment === 'monthly' || (/^\d+$/.test(increment) && Number(increment) >= 1 && Number(increment) <= 90))) {
    throw graphErrors.invalidParam('(#100) param time_increment must be an integer between 1 and 90, "monthly" or "all_days"');
  }
  if (list(p, 'breakdowns').some((b) => b !== '' && b !== '[]')) throw graphErrors.invalidParam('(#100) breakdowns are not available in the Stratum sandbox');
  const specs = parseFields(str(p, 'fields'));
  const fields = specs ? specs.map((f) => f.name) : DEFAULT_FIELDS;
  for (const f of fields) {
    if (!INSIGHT_FIELDS.has(f) && !QUIET_FIELDS.has(f)) {
      throw graphErrors.invalidParam(`(#100) ${f} is not valid for fields param. please check https://developers.facebook.com/docs/marketing-api/reference/ads-insights/ for all valid values`);
    }
  }
  const windows = jsonParam(p, 'action_attribution_windows', z.array(z.enum(WINDOWS))) ?? null;
  return {
    level: (levelRaw as InsightsLevel | undefined) ?? null,
    buckets: bucketsOf(range, increment),
    days: daysBetween(range.since, range.until) + 1,
    fields: fields.filter((f) => INSIGHT_FIELDS.has(f)),
    windows,
  };
}
