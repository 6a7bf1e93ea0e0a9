import type { Objective, World, WorldAccount, WorldAd, WorldAdSet, WorldCampaign } from '../../world/types.js';
import { majorNumber, tiktokTime } from './units.js';

/** How the world's entities read in TikTok's campaign / ad group / ad objects. */

type Row = Record<string, unknown>;

const OBJECTIVE: Record<Objective, { objective: string; goal: string; event: string | null; billing: string; cta: string }> = {
  SALES: { objective: 'WEB_CONVERSIONS', goal: 'CONVERT', event: 'SHOPPING', billing: 'OCPM', cta: 'SHOP_NOW' },
  LEADS: { objective: 'LEAD_GENERATION', goal: 'LEAD_GENERATION', event: 'FORM', billing: 'OCPM', cta: 'SIGN_UP' },
  TRAFFIC: { objective: 'TRAFFIC', goal: 'CLICK', event: null, billing: 'CPC', cta: 'LEARN_MORE' },
  AWARENESS: { objective: 'REACH', goal: 'REACH', event: null, billing: 'CPM', cta: 'LEARN_MORE' },
};

export const operationStatus = (s: 'ACTIVE' | 'PAUSED'): 'ENABLE' | 'DISABLE' => (s === 'ACTIVE' ? 'ENABLE' : 'DISABLE');

export function campaignSecondary(c: WorldCampaign): string {
  return c.status === 'ACTIVE' ? 'CAMPAIGN_STATUS_ENABLE' : 'CAMPAIGN_STATUS_DISABLE';
}

export function adgroupSecondary(campaign: WorldCampaign | undefined, g: WorldAdSet): string {
  if (campaign?.status === 'PAUSED') return 'ADGROUP_STATUS_CAMPAIGN_DISABLE';
  return g.status === 'ACTIVE' ? 'ADGROUP_STATUS_DELIVERY_OK' : 'ADGROUP_STATUS_DISABLE';
}

export function adSecondary(campaign: WorldCampaign | undefined, group: WorldAdSet | undefined, ad: WorldAd): string {
  if (campaign?.status === 'PAUSED') return 'AD_STATUS_CAMPAIGN_DISABLE';
  if (group?.status === 'PAUSED') return 'AD_STATUS_ADGROUP_DISABLE';
  return ad.status === 'ACTIVE' ? 'AD_STATUS_DELIVERY_OK' : 'AD_STATUS_DISABLE';
}

function budget(minor: number | null, currency: string): Row {
  return minor === null ? { budget: 0, budget_mode: 'BUDGET_MODE_INFINITE' } : { budget: majorNumber(minor, currency), budget_mode: 'BUDGET_MODE_DAY' };
}

export function campaignRow(account: WorldAccount, c: WorldCampaign): Row {
  return {
    advertiser_id: account.id,
    campaign_id: c.id,
    campaign_name: c.name,
    campaign_type: 'REGULAR_CAMPAIGN',
    objective_type: OBJECTIVE[c.objective].objective,
    ...budget(c.dailyBudgetMinor, account.currency),
    // Campaign Budget Optimization: the campaign holds the budget and its ad groups have none.
    budget_optimize_on: c.dailyBudgetMinor !== null,
    operation_status: operationStatus(c.status),
    secondary_status: campaignSecondary(c),
    is_smart_performance_campaign: false,
    create_time: tiktokTime(c.createdAt),
    modify_time: tiktokTime(c.updatedAt),
  };
}

export function adgroupRow(world: World, account: WorldAccount, g: WorldAdSet): Row {
  const campaign = world.entity(account, 'campaign', g.campaignId) as WorldCampaign | undefined;
  const o = OBJECTIVE[campaign?.objective ?? 'SALES'];
  return {
    advertiser_id: account.id,
    campaign_id: g.campaignId,
    campaign_name: campaign?.name ?? '',
    adgroup_id: g.id,
    adgroup_name: g.name,
    placement_type: 'PLACEMENT_TYPE_AUTOMATIC',
    ...budget(g.dailyBudgetMinor, account.currency),
    optimization_goal: o.goal,
    optimization_event: o.event,
    billing_event: o.billing,
    bid_type: 'BID_TYPE_NO_BID',
    schedule_type: 'SCHEDULE_FROM_NOW',
    schedule_start_time: tiktokTime(g.createdAt),
    operation_status: operationStatus(g.status),
    secondary_status: adgroupSecondary(campaign, g),
    create_time: tiktokTime(g.createdAt),
    modify_time: tiktokTime(g.updatedAt),
  };
}

export function adRow(world: World, account: WorldAccount, ad: WorldAd): Row {
  const campaign = world.entity(account, 'campaign', ad.campaignId) as WorldCampaign | undefined;
  const group = world.entity(account, 'ad_set', ad.adSetId) as WorldAdSet | undefined;
  return {
    advertiser_id: account.id,
    campaign_id: ad.campaignId,
    campaign_name: campaign?.name ?? '',
    adgroup_id: ad.adSetId,
    adgroup_name: group?.name ?? '',
    ad_id: ad.id,
    ad_name: ad.name,
    ad_format: 'SINGLE_VIDEO',
    ad_text: ad.name,
    call_to_action: OBJECTIVE[campaign?.objective ?? 'SALES'].cta,
    landing_page_url: `https://www.example.com/?utm_source=tiktok&utm_campaign=${ad.campaignId}`,
    operation_status: operationStatus(ad.status),
    secondary_status: adSecondary(campaign, group, ad),
    create_time: tiktokTime(ad.createdAt),
    modify_time: tiktokTime(ad.updatedAt),
  };
}

export const CAMPAIGN_FIELDS = [
  'advertiser_id', 'campaign_id', 'campaign_name', 'campaign_type', 'objective_type', 'budget', 'budget_mode', 'budget_optimize_on',
  'operation_status', 'secondary_status', 'is_smart_performance_campaign', 'create_time', 'modify_time',
];
export const ADGROUP_FIELDS = [
  'advertiser_id', 'campaign_id', 'campaign_name', 'adgroup_id', 'adgroup_name', 'placement_type', 'budget', 'budget_mode', 'optimization_goal',
  'optimization_event', 'billing_event', 'bid_type', 'schedule_type', 'schedule_start_time', 'operation_status', 'secondary_status', 'create_time', 'modify_time',
];
export const AD_FIELDS = [
  'advertiser_id', 'campaign_id', 'campaign_name', 'adgroup_id', 'adgroup_name', 'ad_id', 'ad_name', 'ad_format', 'ad_text', 'call_to_action',
  'landing_page_url', 'operation_status', 'secondary_status', 'create_time', 'modify_time',
];
