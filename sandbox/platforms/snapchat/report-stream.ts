import type { DayNumbers, WorldAccount } from '../../world/types.js';
import { requestId } from './errors.js';
import type { StatField, StatsQuery } from './report-query.js';
import { addDays, daysBetween, localMidnightIso, microPerMinor } from './units.js';

/**
 * Writes a stats response as a stream of JSON text. Each breakdown row is computed from the
 * world's per-day numbers as it is written, so a 10,000-ad × 31-day report holds one row at a
 * time. Stats responses say `"success"` in lower case, as Snap's measurement examples do.
 */
export type StatType = 'AD_ACCOUNT' | 'CAMPAIGN' | 'AD_SQUAD' | 'AD';

export interface StatSubject {
  id: string;
  type: StatType;
  day(date: string): DayNumbers;
}

const ZERO: DayNumbers = { impressions: 0, clicks: 0, spendMinor: 0, purchases: 0, revenueMinor: 0, leads: 0 };

function add(a: DayNumbers, b: DayNumbers): DayNumbers {
  return {
    impressions: a.impressions + b.impressions,
    clicks: a.clicks + b.clicks,
    spendMinor: a.spendMinor + b.spendMinor,
    purchases: a.purchases + b.purchases,
    revenueMinor: a.revenueMinor + b.revenueMinor,
    leads: a.leads + b.leads,
  };
}

const isEmpty = (n: DayNumbers) => n.impressions === 0 && n.clicks === 0 && n.spendMinor === 0 && n.purchases === 0 && n.revenueMinor === 0 && n.leads === 0;

const FIELD_VALUE: Record<StatField, (n: DayNumbers, microPer: number) => number> = {
  impressions: (n) => n.impressions,
  swipes: (n) => n.clicks,
  spend: (n, m) => n.spendMinor * m,
  conversion_purchases: (n) => n.purchases,
  conversion_purchases_value: (n, m) => n.revenueMinor * m,
  conversion_sign_ups: (n) => n.leads,
};

/** One stats object as JSON text in Snap's field names, money in micro; built directly, as a 300,000-row report spends its time here. */
function statsText(n: DayNumbers, fields: readonly StatField[], microPer: number): string {
  let out = '{';
  for (let i = 0; i < fields.length; i++) out += `${i ? ',' : ''}"${fields[i]!}":${FIELD_VALUE[fields[i]!](n, microPer)}`;
  return out + '}';
}

export function* statsChunks(q: StatsQuery, account: WorldAccount, subject: StatSubject, breakdown: Iterable<StatSubject> | null, today: string): Generator<string> {
  const tz = account.timeZone;
  const dates = Array.from({ length: daysBetween(q.from, q.to) }, (_, i) => addDays(q.from, i));
  const day = q.granularity === 'DAY';
  const range = { start_time: localMidnightIso(q.from, tz), end_time: localMidnightIso(q.to, tz) };
  const finalized = localMidnightIso(q.to < today ? q.to : today, tz);
  const head = { id: subject.id, type: subject.type, granularity: q.granularity, ...range, finalized_data_end_time: finalized, ...q.windows };
  const [listKey, itemKey] = day ? ['timeseries_stats', 'timeseries_stat'] : ['total_stats', 'total_stat'];
  const open = `{"request_status":"success","request_id":"${requestId()}","${listKey}":[{"sub_request_status":"success","${itemKey}":${JSON.stringify(head).slice(0, -1)}`;

  const rowsOf = (s: StatSubject): { numbers: DayNumbers[]; total: DayNumbers } => {
    const numbers = dates.map((d) => s.day(d));
    return { numbers, total: numbers.reduce(add, ZERO) };
  };
  // Zone arithmetic is costly; each day's bounds are computed once, not once per row.
  const bounds = dates.map((d) => localMidnightIso(d, tz));
  bounds.push(localMidnightIso(q.to, tz));
  const microPer = microPerMinor(account.currency);
  const dayOpen = dates.map((_, i) => `{"start_time":"${bounds[i]!}","end_time":"${bounds[i + 1]!}","stats":`);
  const timeseries = (numbers: DayNumbers[]) => `[${numbers.map((n, i) => dayOpen[i]! + statsText(n, q.fields, microPer) + '}').join(',')}]`;

  if (!breakdown) {
    const { numbers, total } = rowsOf(subject);
    const body = day ? `,"timeseries":${timeseries(numbers)}` : `,"stats":${statsText(total, q.fields, microPer)}`;
    yield `${open}${body}}}]}`;
    return;
  }

  yield `${open},"breakdown_stats":{"${q.breakdown}":[`;
  // The same text JSON.stringify({id, type, granularity, ...range}) gives, with the constant part written once.
  const dayTail = `,"granularity":"DAY",${JSON.stringify(range).slice(1, -1)},"timeseries":`;
  const totalTail = ',"granularity":"TOTAL","stats":';
  let buf: string[] = [];
  let first = true;
  for (const s of breakdown) {
    const { numbers, total } = rowsOf(s);
    if (q.omitEmpty && isEmpty(total)) continue;
    const head = `{"id":${JSON.stringify(s.id)},"type":${JSON.stringify(s.type)}`;
    const row = day ? `${head}${dayTail}${timeseries(numbers)}}` : `${head}${totalTail}${statsText(total, q.fields, microPer)}}`;
    buf.push((first ? '' : ',') + row);
    first = false;
    if (buf.length >= 100) {
      yield buf.join('');
      buf = [];
    }
  }
  yield `${buf.join('')}]}}}]}`;
}
