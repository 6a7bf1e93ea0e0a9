import { last30Days } from '../spend.js';
import type { AdAccount, TokenSet } from '../types.js';
import type { TiktokClient } from './client.js';
import { tiktokAmountToMinor } from './map.js';
import { tiktokAdvertiserReportRowSchema, tiktokListSchema } from './schemas.js';

/**
 * One advertiser's spend over the 30 days before today in its own time zone (TikTok has no
 * date preset; reports are in the advertiser's zone). An AUCTION_ADVERTISER report with only
 * the `advertiser_id` dimension gives the range's total in one row.
 *
 * One request per advertiser: the SDK lists an `advertiser_ids` parameter, but neither its limit
 * nor which zone one shared date range means for advertisers in different zones is documented
 * where we could check, and the sandbox requires `advertiser_id` (40002 without it).
 */
export async function tiktokSpendLast30d(api: TiktokClient, token: TokenSet, account: AdAccount, now: Date): Promise<number> {
  const range = last30Days(now, account.timeZone);
  const params = {
    advertiser_id: account.externalId,
    report_type: 'BASIC',
    service_type: 'AUCTION',
    data_level: 'AUCTION_ADVERTISER',
    dimensions: ['advertiser_id'],
    metrics: ['spend'],
    start_date: range.since,
    end_date: range.until,
    page: 1,
    page_size: 10,
  };
  const what = `read the spend of advertiser ${account.externalId} ${range.since}..${range.until}`;
  const data = await api.get('report/integrated/get/', params, token.accessToken, what, tiktokListSchema(tiktokAdvertiserReportRowSchema));
  // A report leaves out what had no delivery, so no row is no spend.
  let minor = 0;
  for (const row of data.list) {
    if (row.dimensions.advertiser_id === account.externalId) minor += tiktokAmountToMinor(row.metrics.spend, account.currency);
  }
  return minor;
}
