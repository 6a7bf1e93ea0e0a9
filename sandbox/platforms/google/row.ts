import type { Objective, WorldAd, WorldAdSet, WorldCampaign } from '../../world/types.js';
import type { ConversionAction } from './conversion-actions.js';
import type { CustomerView } from './customers.js';

/** One GAQL result row before rendering: the resources it is about, its segments and its numbers. */
export interface Metrics {
  impressions: number;
  clicks: number;
  spendMinor: number;
  conversions: number;
  valueMinor: number;
}

export interface RowCtx {
  /** The customer the request names in its URL (resource names are under it). */
  cid: string;
  customer: CustomerView;
  campaign?: WorldCampaign;
  adSet?: WorldAdSet;
  ad?: WorldAd;
  budgetMinor?: number;
  client?: { view: CustomerView; level: number };
  action?: ConversionAction;
  date?: string;
  m?: Metrics;
}

export type FieldValue = string | number | boolean | readonly string[];

/**
 * How the sandbox dresses a world campaign as a Google one: the channel from the name the world
 * gave it ("… – Display", "… – Performance Max"), the bidding strategy from its objective.
 */
type Channel = 'SEARCH' | 'DISPLAY' | 'SHOPPING' | 'VIDEO' | 'PERFORMANCE_MAX' | 'DEMAND_GEN';

const CHANNEL_BY_SUFFIX: ReadonlyArray<[RegExp, Channel]> = [
  [/performance max|pmax/i, 'PERFORMANCE_MAX'],
  [/shopping/i, 'SHOPPING'],
  [/display/i, 'DISPLAY'],
  [/youtube|video/i, 'VIDEO'],
  [/demand gen/i, 'DEMAND_GEN'],
  [/search/i, 'SEARCH'],
];

const AD_GROUP_TYPE: Record<Channel, string> = {
  SEARCH: 'SEARCH_STANDARD',
  DISPLAY: 'DISPLAY_STANDARD',
  SHOPPING: 'SHOPPING_PRODUCT_ADS',
  VIDEO: 'VIDEO_RESPONSIVE',
  PERFORMANCE_MAX: 'SEARCH_STANDARD',
  DEMAND_GEN: 'UNKNOWN',
};

const AD_TYPE: Record<Channel, string> = {
  SEARCH: 'RESPONSIVE_SEARCH_AD',
  DISPLAY: 'RESPONSIVE_DISPLAY_AD',
  SHOPPING: 'SHOPPING_PRODUCT_AD',
  VIDEO: 'VIDEO_RESPONSIVE_AD',
  PERFORMANCE_MAX: 'RESPONSIVE_SEARCH_AD',
  DEMAND_GEN: 'DEMAND_GEN_MULTI_ASSET_AD',
};

const BIDDING: Record<Objective, string> = {
  SALES: 'MAXIMIZE_CONVERSION_VALUE',
  LEADS: 'MAXIMIZE_CONVERSIONS',
  TRAFFIC: 'TARGET_SPEND',
  AWARENESS: 'TARGET_CPM',
};

export function channelOf(c: WorldCampaign): Channel {
  const suffix = c.name.split(' – ').pop() ?? '';
  return CHANNEL_BY_SUFFIX.find(([re]) => re.test(suffix))?.[1] ?? (c.objective === 'AWARENESS' ? 'DISPLAY' : 'SEARCH');
}

export const biddingOf = (c: WorldCampaign): string => BIDDING[c.objective];
export const adGroupTypeOf = (c: WorldCampaign | undefined): string => AD_GROUP_TYPE[c ? channelOf(c) : 'SEARCH'];
export const adTypeOf = (c: WorldCampaign | undefined): string => AD_TYPE[c ? channelOf(c) : 'SEARCH'];

export const googleStatus = (s: 'ACTIVE' | 'PAUSED'): 'ENABLED' | 'PAUSED' => (s === 'ACTIVE' ? 'ENABLED' : 'PAUSED');
