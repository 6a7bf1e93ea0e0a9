import { dateOf, dayOf, isDate } from './dates.js';
import { minorExponent } from './money.js';
import { WorldError, type DayNumbers, type World, type WorldAccount } from './types.js';

export const MAX_REPORT_DAYS = 800;
export const MAX_REPORT_ROWS = 200_000;

export interface ReportRow {
  date: string;
  level: 'account' | 'campaign' | 'ad_set' | 'ad';
  id: string;
  name: string;
  impressions: number;
  clicks: number;
  spend_minor: number;
  purchases: number;
  revenue_minor: number;
  leads: number;
}

const isZero = (n: DayNumbers) => n.impressions === 0 && n.clicks === 0 && n.spendMinor === 0 && n.purchases === 0 && n.revenueMinor === 0 && n.leads === 0;

/**
 * The world's own daily numbers for an account: what the platform "really" delivered, for tests
 * to compare synced data against. Defaults to the last 7 days up to today.
 */
export function accountReport(world: World, account: WorldAccount, q: { since?: string; until?: string; level: ReportRow['level']; zeros: boolean }) {
  const until = q.until ?? world.today(account);
  const since = q.since ?? dateOf(dayOf(until) - 6);
  if (!isDate(since) || !isDate(until)) throw new WorldError('invalid', 'since and until must be real YYYY-MM-DD dates');
  const from = dayOf(since);
  const to = dayOf(until);
  if (!(from <= to)) throw new WorldError('invalid', 'since must not be after until');
  if (to - from + 1 > MAX_REPORT_DAYS) throw new WorldError('invalid', `at most ${MAX_REPORT_DAYS} days per report`);
  const entities =
    q.level === 'account' ? [{ id: account.id, name: account.name }] : q.level === 'campaign' ? world.campaigns(account) : q.level === 'ad_set' ? world.adSets(account) : world.ads(account);
  if (entities.length * (to - from + 1) > MAX_REPORT_ROWS) throw new WorldError('invalid', `more than ${MAX_REPORT_ROWS} rows; narrow the range or pick a coarser level`);
  const rows: ReportRow[] = [];
  const totals: DayNumbers = { impressions: 0, clicks: 0, spendMinor: 0, purchases: 0, revenueMinor: 0, leads: 0 };
  for (let day = from; day <= to; day++) {
    const date = dateOf(day);
    for (const e of entities) {
      const n = q.level === 'account' ? world.sumDay(account, 'account', null, date) : world.sumDay(account, q.level, e.id, date);
      for (const k of Object.keys(totals) as (keyof DayNumbers)[]) totals[k] += n[k];
      if (!q.zeros && isZero(n)) continue;
      rows.push({ date, level: q.level, id: e.id, name: e.name, impressions: n.impressions, clicks: n.clicks, spend_minor: n.spendMinor, purchases: n.purchases, revenue_minor: n.revenueMinor, leads: n.leads });
    }
  }
  return {
    platform: account.platform,
    account_id: account.id,
    currency: account.currency,
    minor_exponent: minorExponent(account.currency),
    time_zone: account.timeZone,
    level: q.level,
    since,
    until,
    today: world.today(account),
    rows,
    totals: { impressions: totals.impressions, clicks: totals.clicks, spend_minor: totals.spendMinor, purchases: totals.purchases, revenue_minor: totals.revenueMinor, leads: totals.leads },
  };
}
