import type { AdAccount, Entity } from '../types.js';
import { listAll, type SnapCaller } from './client.js';
import { mapAd, mapAdSquad, mapCampaign } from './map.js';
import { adSchema, adSquadSchema, campaignSchema } from './schemas.js';

/**
 * Campaigns, then ad squads, then ads of the account, page by page. Only the ad squad →
 * campaign map is kept, to give each ad its campaign. A child whose parent was not listed
 * (deleted parents are not returned) is left out with it.
 */
export async function* snapchatEntities(caller: SnapCaller, account: AdAccount): AsyncGenerator<Entity> {
  const base = `adaccounts/${encodeURIComponent(account.externalId)}`;
  const campaigns = new Set<string>();
  for await (const { entity, raw } of listAll(caller, `${base}/campaigns`, 'campaigns', 'campaign', campaignSchema, 'list campaigns')) {
    campaigns.add(entity.id);
    yield mapCampaign(entity, raw, account.currency);
  }
  const campaignOfSquad = new Map<string, string>();
  for await (const { entity, raw } of listAll(caller, `${base}/adsquads`, 'adsquads', 'adsquad', adSquadSchema, 'list ad squads')) {
    if (!campaigns.has(entity.campaign_id)) continue;
    campaignOfSquad.set(entity.id, entity.campaign_id);
    yield mapAdSquad(entity, raw, account.currency);
  }
  for await (const { entity, raw } of listAll(caller, `${base}/ads`, 'ads', 'ad', adSchema, 'list ads')) {
    const campaignId = campaignOfSquad.get(entity.ad_squad_id);
    if (campaignId === undefined) continue;
    yield mapAd(entity, raw, campaignId);
  }
}
