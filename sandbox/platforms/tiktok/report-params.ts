import { z } from 'zod';
import { dayOf, isDate } from '../../world/dates.js';
import { invalid } from './errors.js';
import { METRICS } from './report-metrics.js';
import { decodeJsonParam, pageParam, pageSizeParam, parseOrThrow, requiredId, stringList } from './params.js';

export type DataLevel = 'AUCTION_AD' | 'AUCTION_ADGROUP' | 'AUCTION_CAMPAIGN' | 'AUCTION_ADVERTISER';
export type IdDimension = 'ad_id' | 'adgroup_id' | 'campaign_id' | 'advertiser_id';
export type IdFilterKey = 'campaign_ids' | 'adgroup_ids' | 'ad_ids';

export const ID_DIMENSION: Record<DataLevel, IdDimension> = {
  AUCTION_AD: 'ad_id',
  AUCTION_ADGROUP: 'adgroup_id',
  AUCTION_CAMPAIGN: 'campaign_id',
  AUCTION_ADVERTISER: 'advertiser_id',
};

/** Longest range TikTok accepts in one synchronous report with a daily breakdown (its connectors slice by 30 days). */
export const MAX_DAILY_SPAN_DAYS = 30;
/** Without a time dimension the rows are totals over the range; the sandbox allows a year. */
export const MAX_TOTAL_SPAN_DAYS = 365;

export interface ReportQuery {
  advertiserId: string;
  level: DataLevel;
  byDay: boolean;
  /** Whether rows are broken down by the level's id (otherwise one row per day, or one row, for the whole advertiser). */
  byId: boolean;
  dimensions: string[];
  metrics: string[];
  /** Inclusive account-local dates; null for `query_lifetime=true`. */
  range: { start: string; end: string } | null;
  filters: Partial<Record<IdFilterKey, string[]>>;
  page: number;
  pageSize: number;
}

const filterItem = z.object({
  field_name: z.string(),
  filter_type: z.string().default('IN'),
  filter_value: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]),
});

function readFilters(raw: string | undefined): Partial<Record<IdFilterKey, string[]>> {
  const v = decodeJsonParam('filtering', raw);
  if (v === undefined) return {};
  const items = parseOrThrow(z.array(filterItem), v);
  const out: Partial<Record<IdFilterKey, string[]>> = {};
  for (const it of items) {
    if (it.field_name !== 'campaign_ids' && it.field_name !== 'adgroup_ids' && it.field_name !== 'ad_ids') {
      throw invalid(`filtering: field_name ${it.field_name} is not supported.`);
    }
    if (it.filter_type !== 'IN') throw invalid(`filtering: filter_type ${it.filter_type} is not supported for ${it.field_name}.`);
    const values = typeof it.filter_value === 'string' ? stringList(`filtering.${it.field_name}`, it.filter_value) : it.filter_value.map(String);
    if (!values || values.length === 0 || values.length > 100) throw invalid(`filtering: ${it.field_name} must list 1 to 100 ids.`);
    out[it.field_name] = values;
  }
  return out;
}

/** Checks a `/report/integrated/get/` query the way TikTok does, for the BASIC auction reports the sandbox serves. */
export function readReportQuery(q: Record<string, string>): ReportQuery {
  const advertiserId = requiredId('advertiser_id', q.advertiser_id);
  if (!q.report_type) throw invalid('report_type: Missing data for required field.');
  if (q.report_type !== 'BASIC') throw invalid(`report_type: ${q.report_type} is not supported by the sandbox (BASIC only).`);
  if (q.service_type && q.service_type !== 'AUCTION') throw invalid(`service_type: ${q.service_type} is not supported (AUCTION only).`);
  const level = (q.data_level ?? 'AUCTION_ADVERTISER') as DataLevel;
  if (!(level in ID_DIMENSION)) throw invalid(`data_level: ${q.data_level} is not a valid data level.`);

  const dimensions = stringList('dimensions', q.dimensions);
  if (!dimensions || dimensions.length === 0) throw invalid('dimensions: Missing data for required field.');
  const idDim = ID_DIMENSION[level];
  for (const d of dimensions) {
    if (d !== idDim && d !== 'stat_time_day') throw invalid(`dimensions: ${d} is not a valid dimension for data_level ${level}.`);
  }
  if (new Set(dimensions).size !== dimensions.length) throw invalid('dimensions: Duplicate dimensions.');
  const byDay = dimensions.includes('stat_time_day');
  const byId = dimensions.includes(idDim);

  const metrics = stringList('metrics', q.metrics) ?? ['spend', 'impressions'];
  for (const m of metrics) {
    const def = METRICS[m];
    if (!def) throw invalid(`metrics: ${m} is not a valid metric.`);
    if (def.levels && (!byId || !def.levels.includes(level))) throw invalid(`metrics: ${m} is not available for data_level ${level} with these dimensions.`);
  }

  const lifetime = q.query_lifetime === 'true';
  let range: ReportQuery['range'] = null;
  if (lifetime) {
    if (byDay) throw invalid('query_lifetime: stat_time_day cannot be used with query_lifetime.');
  } else {
    for (const k of ['start_date', 'end_date'] as const) {
      if (!q[k]) throw invalid(`${k}: Missing data for required field.`);
      if (!isDate(q[k])) throw invalid(`${k}: Not a valid date (YYYY-MM-DD).`);
    }
    const span = dayOf(q.end_date!) - dayOf(q.start_date!) + 1;
    if (span < 1) throw invalid('end_date: end_date must not be earlier than start_date.');
    const max = byDay ? MAX_DAILY_SPAN_DAYS : MAX_TOTAL_SPAN_DAYS;
    if (span > max) throw invalid(`The time range between start_date and end_date cannot exceed ${max} days.`);
    range = { start: q.start_date!, end: q.end_date! };
  }

  const filters = readFilters(q.filtering);
  if (!byId && Object.keys(filters).length > 0) throw invalid(`filtering: id filters need the ${idDim} dimension.`);
  return {
    advertiserId, level, byDay, byId, dimensions, metrics, range, filters,
    page: parseOrThrow(pageParam, q.page),
    pageSize: parseOrThrow(pageSizeParam, q.page_size),
  };
}
