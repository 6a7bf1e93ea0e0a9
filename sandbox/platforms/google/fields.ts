import { createHash } from 'node:crypto';
import { budgetIdOf } from './budgets.js';
import { adGroupTypeOf, adTypeOf, biddingOf, channelOf, googleStatus, type FieldValue, type RowCtx } from './row.js';
import { minorToMajor, minorToMicros } from './units.js';

/**
 * The GAQL fields the sandbox knows, per resource, with their REST types: int64 render as JSON
 * strings, doubles as numbers, enums as their names. A field the sandbox does not model answers
 * UNRECOGNIZED_FIELD, as a misspelt one does on Google.
 */
export type FieldType = 'int64' | 'double' | 'string' | 'enum' | 'bool' | 'date' | 'strings';

export interface FieldDef {
  type: FieldType;
  get(r: RowCtx): FieldValue | undefined;
  enums?: readonly string[];
}

const f = (type: FieldType, get: FieldDef['get'], enums?: readonly string[]): FieldDef => ({ type, get, ...(enums ? { enums } : {}) });
const STATUS = ['ENABLED', 'PAUSED', 'REMOVED', 'UNKNOWN', 'UNSPECIFIED'] as const;
const CUSTOMER_STATUS = ['ENABLED', 'CANCELED', 'SUSPENDED', 'CLOSED', 'UNKNOWN', 'UNSPECIFIED'] as const;

const digitsOf = (seed: string, n: number): string => (BigInt('0x' + createHash('sha256').update(seed).digest('hex').slice(0, 15)) % 10n ** BigInt(n)).toString().padStart(n, '1');

const rn = {
  customer: (id: string) => `customers/${id}`,
  campaign: (r: RowCtx) => `customers/${r.cid}/campaigns/${r.campaign!.id}`,
  budget: (r: RowCtx) => `customers/${r.cid}/campaignBudgets/${budgetIdOf(r.campaign!.id)}`,
  adGroup: (r: RowCtx, id: string) => `customers/${r.cid}/adGroups/${id}`,
  action: (r: RowCtx) => `customers/${r.cid}/conversionActions/${r.action!.id}`,
};

const customerFields: Record<string, FieldDef> = {
  'customer.resource_name': f('string', (r) => rn.customer(r.customer.id)),
  'customer.id': f('int64', (r) => r.customer.id),
  'customer.descriptive_name': f('string', (r) => r.customer.name),
  'customer.currency_code': f('string', (r) => r.customer.currency),
  'customer.time_zone': f('string', (r) => r.customer.timeZone),
  'customer.manager': f('bool', (r) => r.customer.manager),
  'customer.test_account': f('bool', () => false),
  'customer.status': f('enum', (r) => r.customer.status, CUSTOMER_STATUS),
  'customer.auto_tagging_enabled': f('bool', () => true),
  'customer.conversion_tracking_setting.conversion_tracking_id': f('int64', (r) => digitsOf(`ctid:${r.customer.id}`, 9)),
  'customer.conversion_tracking_setting.google_ads_conversion_customer': f('string', (r) => rn.customer(r.customer.id)),
  'customer.conversion_tracking_setting.accepted_customer_data_terms': f('bool', () => true),
  'customer.conversion_tracking_setting.enhanced_conversions_for_leads_enabled': f('bool', () => true),
};

const campaignFields: Record<string, FieldDef> = {
  'campaign.resource_name': f('string', rn.campaign),
  'campaign.id': f('int64', (r) => r.campaign!.id),
  'campaign.name': f('string', (r) => r.campaign!.name),
  'campaign.status': f('enum', (r) => googleStatus(r.campaign!.status), STATUS),
  'campaign.serving_status': f('enum', () => 'SERVING', ['SERVING', 'NONE', 'ENDED', 'PENDING', 'SUSPENDED']),
  'campaign.advertising_channel_type': f('enum', (r) => channelOf(r.campaign!), ['SEARCH', 'DISPLAY', 'SHOPPING', 'VIDEO', 'PERFORMANCE_MAX', 'DEMAND_GEN', 'HOTEL', 'LOCAL', 'SMART', 'MULTI_CHANNEL', 'LOCAL_SERVICES', 'TRAVEL', 'UNKNOWN', 'UNSPECIFIED']),
  'campaign.bidding_strategy_type': f('enum', (r) => biddingOf(r.campaign!)),
  'campaign.campaign_budget': f('string', rn.budget),
  'campaign.start_date_time': f('string', (r) => `${r.campaign!.createdAt.slice(0, 10)} 00:00:00`),
  'campaign.start_date': f('date', (r) => r.campaign!.createdAt.slice(0, 10)),
  'campaign.end_date_time': f('string', () => undefined),
};

const budgetFields: Record<string, FieldDef> = {
  'campaign_budget.resource_name': f('string', rn.budget),
  'campaign_budget.id': f('int64', (r) => budgetIdOf(r.campaign!.id)),
  'campaign_budget.name': f('string', (r) => `${r.campaign!.name} budget`),
  'campaign_budget.amount_micros': f('int64', (r) => (r.budgetMinor === undefined ? undefined : minorToMicros(r.budgetMinor, r.customer.currency))),
  'campaign_budget.delivery_method': f('enum', () => 'STANDARD'),
  'campaign_budget.explicitly_shared': f('bool', () => false),
  'campaign_budget.period': f('enum', () => 'DAILY'),
  'campaign_budget.status': f('enum', () => 'ENABLED'),
  'campaign_budget.type': f('enum', () => 'STANDARD'),
  'campaign_budget.reference_count': f('int64', () => '1'),
};

const adGroupFields: Record<string, FieldDef> = {
  'ad_group.resource_name': f('string', (r) => rn.adGroup(r, r.adSet!.id)),
  'ad_group.id': f('int64', (r) => r.adSet!.id),
  'ad_group.name': f('string', (r) => r.adSet!.name),
  'ad_group.status': f('enum', (r) => googleStatus(r.adSet!.status), STATUS),
  'ad_group.campaign': f('string', (r) => `customers/${r.cid}/campaigns/${r.adSet!.campaignId}`),
  'ad_group.type': f('enum', (r) => adGroupTypeOf(r.campaign)),
  // Ad groups bid per click; they hold no budget.
  'ad_group.cpc_bid_micros': f('int64', (r) => String((1 + (Number(r.adSet!.id.slice(-3)) % 8)) * 1_000_000)),
};

const adFields: Record<string, FieldDef> = {
  'ad_group_ad.resource_name': f('string', (r) => `customers/${r.cid}/adGroupAds/${r.ad!.adSetId}~${r.ad!.id}`),
  'ad_group_ad.status': f('enum', (r) => googleStatus(r.ad!.status), STATUS),
  'ad_group_ad.ad_group': f('string', (r) => rn.adGroup(r, r.ad!.adSetId)),
  'ad_group_ad.policy_summary.approval_status': f('enum', () => 'APPROVED'),
  'ad_group_ad.ad.resource_name': f('string', (r) => `customers/${r.cid}/ads/${r.ad!.id}`),
  'ad_group_ad.ad.id': f('int64', (r) => r.ad!.id),
  'ad_group_ad.ad.name': f('string', (r) => r.ad!.name),
  'ad_group_ad.ad.type': f('enum', (r) => adTypeOf(r.campaign)),
  'ad_group_ad.ad.final_urls': f('strings', (r) => [`https://www.example.com/${r.cid}/lp/${r.ad!.adSetId}?ad=${r.ad!.id}`]),
};

const clientFields: Record<string, FieldDef> = {
  'customer_client.resource_name': f('string', (r) => `customers/${r.cid}/customerClients/${r.client!.view.id}`),
  'customer_client.client_customer': f('string', (r) => rn.customer(r.client!.view.id)),
  'customer_client.id': f('int64', (r) => r.client!.view.id),
  'customer_client.descriptive_name': f('string', (r) => r.client!.view.name),
  'customer_client.currency_code': f('string', (r) => r.client!.view.currency),
  'customer_client.time_zone': f('string', (r) => r.client!.view.timeZone),
  'customer_client.level': f('int64', (r) => String(r.client!.level)),
  'customer_client.manager': f('bool', (r) => r.client!.view.manager),
  'customer_client.status': f('enum', (r) => r.client!.view.status, CUSTOMER_STATUS),
  'customer_client.hidden': f('bool', () => false),
  'customer_client.test_account': f('bool', () => false),
};

const actionFields: Record<string, FieldDef> = {
  'conversion_action.resource_name': f('string', rn.action),
  'conversion_action.id': f('int64', (r) => r.action!.id),
  'conversion_action.name': f('string', (r) => r.action!.name),
  'conversion_action.type': f('enum', (r) => r.action!.type),
  'conversion_action.category': f('enum', (r) => r.action!.category),
  'conversion_action.status': f('enum', () => 'ENABLED', ['ENABLED', 'REMOVED', 'HIDDEN']),
  'conversion_action.counting_type': f('enum', (r) => r.action!.countingType),
  'conversion_action.include_in_conversions_metric': f('bool', (r) => r.action!.primaryForGoal),
  'conversion_action.primary_for_goal': f('bool', (r) => r.action!.primaryForGoal),
  'conversion_action.click_through_lookback_window_days': f('int64', (r) => String(r.action!.lookbackDays)),
  'conversion_action.value_settings.default_value': f('double', (r) => r.action!.defaultValue),
  'conversion_action.value_settings.default_currency_code': f('string', (r) => r.customer.currency),
  'conversion_action.value_settings.always_use_default_value': f('bool', () => false),
};

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const micros = (r: RowCtx, minor: number) => Number(minorToMicros(minor, r.customer.currency));

export const metricFields: Record<string, FieldDef> = {
  'metrics.impressions': f('int64', (r) => String(r.m!.impressions)),
  'metrics.clicks': f('int64', (r) => String(r.m!.clicks)),
  'metrics.cost_micros': f('int64', (r) => minorToMicros(r.m!.spendMinor, r.customer.currency)),
  'metrics.conversions': f('double', (r) => r.m!.conversions),
  'metrics.conversions_value': f('double', (r) => minorToMajor(r.m!.valueMinor, r.customer.currency)),
  'metrics.all_conversions': f('double', (r) => r.m!.conversions),
  'metrics.all_conversions_value': f('double', (r) => minorToMajor(r.m!.valueMinor, r.customer.currency)),
  'metrics.ctr': f('double', (r) => ratio(r.m!.clicks, r.m!.impressions)),
  'metrics.average_cpc': f('double', (r) => ratio(micros(r, r.m!.spendMinor), r.m!.clicks)),
  'metrics.average_cpm': f('double', (r) => ratio(micros(r, r.m!.spendMinor) * 1000, r.m!.impressions)),
  'metrics.cost_per_conversion': f('double', (r) => ratio(micros(r, r.m!.spendMinor), r.m!.conversions)),
};

/** Metrics that may sit beside a conversion-action segment; the rest are not attributable to one action. */
export const CONVERSION_METRICS = new Set(['metrics.conversions', 'metrics.conversions_value', 'metrics.all_conversions', 'metrics.all_conversions_value']);

export const segmentFields: Record<string, FieldDef> = {
  'segments.date': f('date', (r) => r.date),
  'segments.conversion_action': f('string', (r) => (r.action ? rn.action(r) : undefined)),
  'segments.conversion_action_name': f('string', (r) => r.action?.name),
  'segments.conversion_action_category': f('enum', (r) => r.action?.category),
};

export const CONVERSION_SEGMENTS = new Set(['segments.conversion_action', 'segments.conversion_action_name', 'segments.conversion_action_category']);

export const resourceFields: Record<string, Record<string, FieldDef>> = {
  customer: customerFields,
  campaign: campaignFields,
  campaign_budget: budgetFields,
  ad_group: adGroupFields,
  ad_group_ad: adFields,
  customer_client: clientFields,
  conversion_action: actionFields,
};

/** What may follow FROM, and which resources' fields may be selected with it. */
export const RESOURCES: Record<string, { attributed: readonly string[]; stats: boolean }> = {
  customer: { attributed: ['customer'], stats: true },
  campaign: { attributed: ['campaign', 'campaign_budget', 'customer'], stats: true },
  campaign_budget: { attributed: ['campaign_budget', 'customer'], stats: false },
  ad_group: { attributed: ['ad_group', 'campaign', 'customer'], stats: true },
  ad_group_ad: { attributed: ['ad_group_ad', 'ad_group', 'campaign', 'customer'], stats: true },
  customer_client: { attributed: ['customer_client', 'customer'], stats: false },
  conversion_action: { attributed: ['conversion_action', 'customer'], stats: false },
};

export function fieldDef(name: string): FieldDef | undefined {
  const owner = name.split('.')[0]!;
  if (owner === 'metrics') return metricFields[name];
  if (owner === 'segments') return segmentFields[name];
  return resourceFields[owner]?.[name];
}
