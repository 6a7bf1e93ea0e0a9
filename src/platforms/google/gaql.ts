import type { DateRange } from '../types.js';

/**
 * The GAQL the adapter sends. Ids and dates are validated before they get here (digits only,
 * YYYY-MM-DD), so interpolating them cannot change a query's meaning.
 */
export const customerQuery =
  'SELECT customer.id, customer.descriptive_name, customer.currency_code, customer.time_zone, customer.manager, customer.test_account, customer.status FROM customer';

export const customerClientQuery =
  'SELECT customer_client.id, customer_client.descriptive_name, customer_client.manager, customer_client.level, customer_client.currency_code, customer_client.time_zone, customer_client.status FROM customer_client WHERE customer_client.level <= 1';

export const campaignsQuery =
  "SELECT campaign.id, campaign.name, campaign.status, campaign.advertising_channel_type, campaign.bidding_strategy_type, campaign.campaign_budget, campaign_budget.id, campaign_budget.amount_micros, campaign_budget.explicitly_shared FROM campaign WHERE campaign.status != 'REMOVED'";

export const adGroupsQuery =
  "SELECT ad_group.id, ad_group.name, ad_group.status, ad_group.campaign, ad_group.cpc_bid_micros FROM ad_group WHERE ad_group.status != 'REMOVED'";

export const adsQuery =
  "SELECT ad_group_ad.ad.id, ad_group_ad.ad.name, ad_group_ad.status, ad_group_ad.ad_group FROM ad_group_ad WHERE ad_group_ad.status != 'REMOVED'";

/**
 * The customer's cost per day over Google's LAST_30_DAYS (the 30 days before today in the
 * customer's time zone), summed by the caller. Without `segments.date` in SELECT Google would
 * return the range's total in one row, but the sandbox then answers no rows at all; up to 30
 * small rows cost the same single operation.
 */
export const customerSpendLast30dQuery = 'SELECT segments.date, metrics.cost_micros FROM customer WHERE segments.date DURING LAST_30_DAYS';

const during = (r: DateRange): string => `segments.date BETWEEN '${r.since}' AND '${r.until}'`;

/** Cost, impressions and clicks per ad and day (they cannot be segmented by conversion action). */
export const deliveryQuery = (r: DateRange): string =>
  `SELECT ad_group_ad.ad.id, segments.date, metrics.cost_micros, metrics.impressions, metrics.clicks FROM ad_group_ad WHERE ${during(r)}`;

/** Conversions per ad, day and conversion action category, to tell purchases from leads. */
export const conversionsQuery = (r: DateRange): string =>
  `SELECT ad_group_ad.ad.id, segments.date, segments.conversion_action_category, metrics.conversions, metrics.conversions_value FROM ad_group_ad WHERE ${during(r)}`;

export const campaignBudgetQuery = (campaignId: string): string =>
  `SELECT campaign.id, campaign.campaign_budget, campaign_budget.amount_micros, campaign_budget.explicitly_shared FROM campaign WHERE campaign.id = ${campaignId}`;

export const campaignsSharingBudgetQuery = (budgetResourceName: string): string =>
  `SELECT campaign.id FROM campaign WHERE campaign.campaign_budget = '${budgetResourceName}' AND campaign.status != 'REMOVED'`;
