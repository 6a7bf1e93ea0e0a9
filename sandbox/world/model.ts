import type { WorldAccount, WorldAd, WorldAdSet, WorldCampaign } from './types.js';

/**
 * What the generator knows about each entity beyond its public shape: the day numbers of its
 * life and the constants its delivery is drawn from. `pausedFrom` is the first day of a catalog
 * pause (+Infinity when never paused, -Infinity when paused before it ever delivered).
 */
export interface CampaignGen {
  e: WorldCampaign;
  index: number;
  createdDay: number;
  pausedFrom: number;
  baseBudget: number | null;
  /** Yearly drift of conversion rate, e.g. 0.2 = +20% a year. */
  trend: number;
  ads: AdGen[];
}

export interface AdSetGen {
  e: WorldAdSet;
  campaign: CampaignGen;
  createdDay: number;
  pausedFrom: number;
  baseBudget: number | null;
  /** Share of the campaign budget when the campaign holds it. */
  share: number;
  ads: AdGen[];
}

export interface AdGen {
  e: WorldAd;
  adSet: AdSetGen;
  campaign: CampaignGen;
  startDay: number;
  pausedFrom: number;
  /** Share of the ad set's budget. */
  share: number;
  /** Minor units per 1,000 impressions. */
  cpm: number;
  ctr: number;
  /** Purchases per click. */
  cvr: number;
  /** Leads per click. */
  leadRate: number;
  /** Average order value, minor units. */
  aov: number;
  seed: number;
}

export interface AccountData {
  account: WorldAccount;
  startDay: number;
  campaigns: WorldCampaign[];
  adSets: WorldAdSet[];
  ads: WorldAd[];
  campaignGens: CampaignGen[];
  campaignById: Map<string, CampaignGen>;
  adSetById: Map<string, AdSetGen>;
  adById: Map<string, AdGen>;
  allAds: AdGen[];
  /** Weekday factors for conversions (index 0 = Sunday): Gulf weekends are Friday and Saturday. */
  weekdayConv: readonly number[];
}
