import { addDays, slices } from '../../shared/dates.js';
import { PlatformError } from '../errors.js';
import type { AdAccount, DailyMetric, DateRange } from '../types.js';
import { apiUrl, nextPageUrl, snapGet, type SnapCaller } from './client.js';
import { shapeError } from './errors.js';
import { localMidnightIso } from './local-time.js';
import { mapAdTimeseries } from './map.js';
import { adTimeseriesSchema, breakdownStatsResponseSchema } from './schemas.js';

/**
 * Days per stats request. DAY requests may span about a month at most; three days keep one
 * answer for 10,000 ads to about 30,000 points (bench:sync), and an incremental sync (the last
 * three days) to one request, well within the token's 10 requests/s.
 */
export const SNAPCHAT_SLICE_DAYS = 3;

export const statsFields = ['impressions', 'swipes', 'spend', 'conversion_purchases', 'conversion_purchases_value', 'conversion_sign_ups'] as const;

/**
 * Ad-level DAY stats of the account, one `breakdown=ad` request per slice (and its pages).
 * No attribution windows are sent, so the numbers are the account's defaults — the ones Ads
 * Manager shows.
 */
export async function* snapchatDailyMetrics(caller: SnapCaller, account: AdAccount, range: DateRange): AsyncGenerator<DailyMetric> {
  const path = `adaccounts/${encodeURIComponent(account.externalId)}/stats`;
  for (const slice of slices(range, SNAPCHAT_SLICE_DAYS)) {
    const what = `read ad stats ${slice.since}..${slice.until}`;
    let url: URL | null = apiUrl(caller, path, {
      granularity: 'DAY',
      breakdown: 'ad',
      // Ads with no delivery in the slice are left out, as the other platforms' reports do:
      // Stratum stores no zero rows, and a large account's answer shrinks by the idle ads.
      omit_empty: 'true',
      fields: statsFields.join(','),
      start_time: localMidnightIso(slice.since, account.timeZone),
      end_time: localMidnightIso(addDays(slice.until, 1), account.timeZone),
    });
    const seen = new Set<string>();
    while (url) {
      seen.add(url.href);
      const page = await snapGet(caller, url, breakdownStatsResponseSchema, what);
      for (const stat of page.timeseries_stats) {
        if (stat.sub_request_status && stat.sub_request_status !== 'SUCCESS') {
          throw new PlatformError('snapchat', 'INVALID', `${what}: ${stat.sub_request_error_reason ?? stat.sub_request_status}`);
        }
        for (const item of stat.timeseries_stat?.breakdown_stats.ad ?? []) {
          const series = adTimeseriesSchema.safeParse(item);
          if (!series.success) throw shapeError(what, series.error);
          for (const row of mapAdTimeseries(series.data, account.currency, account.timeZone)) {
            if (row.date >= slice.since && row.date <= slice.until) yield row;
          }
        }
      }
      url = nextPageUrl(url, page.paging?.next_link);
      if (url && seen.has(url.href)) throw new PlatformError('snapchat', 'TRANSIENT', `${what}: next page repeats an earlier one`);
    }
  }
}
