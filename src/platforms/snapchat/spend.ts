import { addDays } from '../../shared/dates.js';
import { microsToMinor } from '../../shared/money.js';
import { PlatformError } from '../errors.js';
import { last30Days } from '../spend.js';
import type { AdAccount } from '../types.js';
import { apiUrl, snapGet, type SnapCaller } from './client.js';
import { localMidnightIso } from './local-time.js';
import { totalStatsResponseSchema } from './schemas.js';

/**
 * One ad account's spend over the 30 days before today, from local midnight 30 days ago to
 * local midnight today in the account's time zone (Snapchat wants both ends on local
 * midnights): one `granularity=TOTAL` request, `spend` in micro.
 */
export async function snapchatSpendLast30d(caller: SnapCaller, account: AdAccount): Promise<number> {
  const range = last30Days(caller.ctx.now?.() ?? new Date(), account.timeZone);
  const url = apiUrl(caller, `adaccounts/${encodeURIComponent(account.externalId)}/stats`, {
    granularity: 'TOTAL',
    fields: 'spend',
    start_time: localMidnightIso(range.since, account.timeZone),
    end_time: localMidnightIso(addDays(range.until, 1), account.timeZone),
  });
  const what = `read the spend of ad account ${account.externalId} ${range.since}..${range.until}`;
  const body = await snapGet(caller, url, totalStatsResponseSchema, what);
  let micro: number | null = null;
  for (const item of body.total_stats) {
    if (item.sub_request_status && item.sub_request_status !== 'SUCCESS') {
      throw new PlatformError('snapchat', 'INVALID', `${what}: ${item.sub_request_error_reason ?? item.sub_request_status}`);
    }
    if (item.total_stat) micro = (micro ?? 0) + item.total_stat.stats.spend;
  }
  // Snap answers a quiet account with zeros, so an answer without a total says nothing about the spend.
  if (micro === null) throw new PlatformError('snapchat', 'UNKNOWN', `${what}: the answer holds no total`);
  return microsToMinor(micro, account.currency);
}
