import type { AdAccount, Entity } from '../types.js';
import { search, type GoogleCaller } from './client.js';
import { adGroupsQuery, adsQuery, campaignsQuery } from './gaql.js';
import { idOfResourceName, mapAd, mapAdGroup, mapCampaign } from './map.js';
import { adGroupRowSchema, adRowSchema, campaignRowSchema } from './schemas.js';

/**
 * Campaigns, then ad groups, then ads, streamed page by page. Only the small id maps needed to
 * give each ad its campaign are kept. Children whose parent was not listed (a removed campaign
 * or ad group keeps children that are not themselves marked removed) are left out with it.
 */
export async function* googleEntities(caller: GoogleCaller, account: AdAccount): AsyncGenerator<Entity> {
  const cid = account.externalId;
  const campaigns = new Set<string>();
  for await (const { row, raw } of search(caller, cid, campaignsQuery, campaignRowSchema, 'list campaigns')) {
    campaigns.add(row.campaign.id);
    yield mapCampaign(row, raw, account.currency);
  }
  const campaignOfAdGroup = new Map<string, string>();
  for await (const { row, raw } of search(caller, cid, adGroupsQuery, adGroupRowSchema, 'list ad groups')) {
    const campaignId = idOfResourceName(row.adGroup.campaign);
    if (!campaigns.has(campaignId)) continue;
    campaignOfAdGroup.set(row.adGroup.id, campaignId);
    yield mapAdGroup(row, raw);
  }
  for await (const { row, raw } of search(caller, cid, adsQuery, adRowSchema, 'list ads')) {
    const campaignId = campaignOfAdGroup.get(idOfResourceName(row.adGroupAd.adGroup));
    if (campaignId === undefined) continue;
    yield mapAd(row, raw, campaignId);
  }
}
