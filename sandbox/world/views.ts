import type { FaultRule, SandboxPerson, World, WorldAccount } from './types.js';

/** The control routes speak snake_case JSON, like the request bodies they take. */
export function faultView(r: FaultRule) {
  return { id: r.id, platform: r.platform, kind: r.kind, probability: r.probability, count: r.count, delay_ms: r.delayMs, path_prefix: r.pathPrefix };
}

export function accountView(world: World, a: WorldAccount) {
  return {
    platform: a.platform,
    id: a.id,
    name: a.name,
    business: a.business,
    business_id: a.businessId ?? null,
    currency: a.currency,
    time_zone: a.timeZone,
    status: a.status,
    manager_id: a.managerId,
    owners: a.ownerIds.map((id) => world.person(id)).filter((p): p is SandboxPerson => p !== undefined),
    size: { campaigns: a.size.campaigns, ad_sets_per_campaign: a.size.adSetsPerCampaign, ads_per_ad_set: a.size.adsPerAdSet, ads: a.size.campaigns * a.size.adSetsPerCampaign * a.size.adsPerAdSet },
    seed: a.seed,
    start_date: a.startDate,
    today: world.today(a),
  };
}
