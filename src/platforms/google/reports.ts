import { slices } from '../../shared/dates.js';
import type { AdAccount, DailyMetric, DateRange } from '../types.js';
import { search, type GoogleCaller } from './client.js';
import { conversionsQuery, deliveryQuery } from './gaql.js';
import { addConversions, addDelivery, emptyDay, mapDay, type GoogleDay } from './map.js';
import { conversionRowSchema, deliveryRowSchema } from './schemas.js';

/**
 * Days per pair of queries. Cost and conversions-by-category come from two queries (GAQL
 * refuses cost metrics next to a conversion-action segment) and are joined in memory, so a
 * slice bounds that memory: 10,000 ads × 3 days is about 30,000 small rows (bench:sync: peak
 * RSS 218 MB with 7-day slices, 201 MB with 3), and an incremental sync is one slice.
 */
export const GOOGLE_SLICE_DAYS = 3;

export async function* googleDailyMetrics(caller: GoogleCaller, account: AdAccount, range: DateRange): AsyncGenerator<DailyMetric> {
  const cid = account.externalId;
  for (const slice of slices(range, GOOGLE_SLICE_DAYS)) {
    const days = new Map<string, GoogleDay>();
    const dayOf = (adId: string, date: string): GoogleDay => {
      const key = `${adId}|${date}`;
      let day = days.get(key);
      if (!day) {
        day = emptyDay(adId, date);
        days.set(key, day);
      }
      return day;
    };
    const label = `${slice.since}..${slice.until}`;
    for await (const { row } of search(caller, cid, deliveryQuery(slice), deliveryRowSchema, `read ad delivery ${label}`)) {
      addDelivery(dayOf(row.adGroupAd.ad.id, row.segments.date), row);
    }
    for await (const { row } of search(caller, cid, conversionsQuery(slice), conversionRowSchema, `read ad conversions ${label}`)) {
      addConversions(dayOf(row.adGroupAd.ad.id, row.segments.date), row);
    }
    for (const day of days.values()) yield mapDay(day, account.currency);
  }
}
