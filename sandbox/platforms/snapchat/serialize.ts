import type { Objective, World, WorldAccount, WorldAd, WorldAdSet, WorldCampaign } from '../../world/types.js';
import { isoUtc, localMidnightMs, toMicro, uuidFrom } from './units.js';

/** World entities in Snap's shapes: snake_case, UUIDs, `*_micro` budgets, UTC ISO timestamps. */

const LEGACY_OBJECTIVE: Record<Objective, string> = {
  SALES: 'WEB_CONVERSION',
  LEADS: 'LEAD_GENERATION',
  TRAFFIC: 'WEB_VIEW',
  AWARENESS: 'BRAND_AWARENESS',
};
const OBJECTIVE_V2: Record<Objective, string> = {
  SALES: 'SALES',
  LEADS: 'LEADS',
  TRAFFIC: 'TRAFFIC',
  AWARENESS: 'AWARENESS_AND_ENGAGEMENT',
};
const OPTIMIZATION_GOAL: Record<Objective, string> = {
  SALES: 'PIXEL_PURCHASE',
  LEADS: 'PIXEL_SIGNUP',
  TRAFFIC: 'SWIPES',
  AWARENESS: 'IMPRESSIONS',
};

/** The account's organization: the world's business UUID, or one derived from the business name. */
export const organizationId = (a: WorldAccount): string => a.businessId ?? uuidFrom(`org:${a.business}`);

const deliveryStatus = (status: string) => (status === 'ACTIVE' ? ['VALID'] : ['INVALID_NOT_ACTIVE']);

const accountCreatedAt = (a: WorldAccount): string => isoUtc(new Date(localMidnightMs(a.startDate, a.timeZone) - 14 * 86_400_000));

export function adAccountJson(a: WorldAccount): Record<string, unknown> {
  const created = accountCreatedAt(a);
  return {
    id: a.id,
    updated_at: created,
    created_at: created,
    name: a.name,
    type: 'PARTNER',
    status: a.status,
    organization_id: organizationId(a),
    advertiser_organization_id: organizationId(a),
    currency: a.currency,
    timezone: a.timeZone,
    funding_source_ids: [uuidFrom(`funding:${a.id}`)],
    billing_type: 'REVOLVING',
    agency_representing_client: false,
    client_paying_invoices: false,
    regulations: { restricted_delivery_signals: false },
  };
}

/** An organization seen through some of its accounts (at least one); `withAccounts` nests them. */
export function organizationJson(accounts: readonly [WorldAccount, ...WorldAccount[]], withAccounts: boolean): Record<string, unknown> {
  const first = accounts[0];
  const created = accountCreatedAt(first);
  return {
    id: organizationId(first),
    updated_at: created,
    created_at: created,
    name: first.business,
    type: 'ENTERPRISE',
    state: 'ACTIVE',
    configuration_settings: {},
    roles: ['member'],
    ...(withAccounts ? { ad_accounts: accounts.map(adAccountJson) } : {}),
  };
}

export function campaignJson(c: WorldCampaign, a: WorldAccount): Record<string, unknown> {
  return {
    id: c.id,
    updated_at: isoUtc(c.updatedAt),
    created_at: isoUtc(c.createdAt),
    name: c.name,
    ad_account_id: a.id,
    status: c.status,
    objective: LEGACY_OBJECTIVE[c.objective],
    objective_v2_properties: { objective_v2_type: OBJECTIVE_V2[c.objective] },
    start_time: isoUtc(c.createdAt),
    ...(c.dailyBudgetMinor !== null ? { daily_budget_micro: toMicro(c.dailyBudgetMinor, a.currency) } : {}),
    buy_model: 'AUCTION',
    creation_state: 'PUBLISHED',
    delivery_status: deliveryStatus(c.status),
  };
}

export function adSquadJson(s: WorldAdSet, a: WorldAccount, world: World): Record<string, unknown> {
  const campaign = world.entity(a, 'campaign', s.campaignId);
  const objective: Objective = campaign?.level === 'campaign' ? campaign.objective : 'SALES';
  return {
    id: s.id,
    updated_at: isoUtc(s.updatedAt),
    created_at: isoUtc(s.createdAt),
    name: s.name,
    status: s.status,
    campaign_id: s.campaignId,
    type: 'SNAP_ADS',
    targeting: { regulated_content: false, demographics: [{ min_age: '18' }] },
    targeting_reach_status: 'VALID',
    placement_v2: { config: 'AUTOMATIC' },
    billing_event: 'IMPRESSION',
    auto_bid: true,
    bid_strategy: 'AUTO_BID',
    ...(s.dailyBudgetMinor !== null ? { daily_budget_micro: toMicro(s.dailyBudgetMinor, a.currency) } : {}),
    start_time: isoUtc(s.createdAt),
    optimization_goal: OPTIMIZATION_GOAL[objective],
    delivery_constraint: 'DAILY_BUDGET',
    pacing_type: 'STANDARD',
    delivery_status: deliveryStatus(s.status),
  };
}

/** An ad's creative id is a hash of its id; hashing it again for every page of a 10,000-ad list is waste. */
const MAX_CREATIVES = 100_000;
const creatives = new Map<string, string>();

function creativeIdOf(adId: string): string {
  let id = creatives.get(adId);
  if (id === undefined) {
    if (creatives.size >= MAX_CREATIVES) creatives.clear();
    id = uuidFrom(`creative:${adId}`);
    creatives.set(adId, id);
  }
  return id;
}

export function adJson(ad: WorldAd): Record<string, unknown> {
  return {
    id: ad.id,
    updated_at: isoUtc(ad.updatedAt),
    created_at: isoUtc(ad.createdAt),
    name: ad.name,
    ad_squad_id: ad.adSetId,
    creative_id: creativeIdOf(ad.id),
    status: ad.status,
    type: 'REMOTE_WEBPAGE',
    render_type: 'STATIC',
    review_status: 'APPROVED',
    review_status_reasons: [],
    delivery_status: deliveryStatus(ad.status),
  };
}
