import { GaqlError, type Condition } from './gaql.js';
import { dayNumber, isCalendarDate } from './units.js';

/**
 * The date range a query's `segments.date` conditions allow, as account-local day numbers:
 * `=`, `BETWEEN`, `DURING`, comparisons and `IN` narrow it (the rest filter row by row).
 */
export interface DayRange {
  lo: number | null;
  hi: number | null;
}

const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7; // 0 = Sunday

function monthStart(day: number, back = 0): number {
  const d = new Date(day * 86_400_000);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1) / 86_400_000);
}

/** `DURING` constants, relative to the account's today. */
export function during(name: string, today: number): [number, number] {
  const sinceSunday = weekday(today);
  const sinceMonday = (sinceSunday + 6) % 7;
  switch (name) {
    case 'TODAY':
      return [today, today];
    case 'YESTERDAY':
      return [today - 1, today - 1];
    case 'LAST_7_DAYS':
      return [today - 7, today - 1];
    case 'LAST_14_DAYS':
      return [today - 14, today - 1];
    case 'LAST_30_DAYS':
      return [today - 30, today - 1];
    case 'THIS_WEEK_SUN_TODAY':
      return [today - sinceSunday, today];
    case 'THIS_WEEK_MON_TODAY':
      return [today - sinceMonday, today];
    case 'LAST_WEEK_SUN_SAT':
      return [today - sinceSunday - 7, today - sinceSunday - 1];
    case 'LAST_WEEK_MON_SUN':
      return [today - sinceMonday - 7, today - sinceMonday - 1];
    case 'LAST_BUSINESS_WEEK':
      return [today - sinceMonday - 7, today - sinceMonday - 3];
    case 'THIS_MONTH':
      return [monthStart(today), today];
    case 'LAST_MONTH':
      return [monthStart(today, 1), monthStart(today) - 1];
    default:
      throw new GaqlError('INVALID_VALUE_WITH_DURING_OPERATOR', `Invalid value with DURING operator: '${name}'.`, name);
  }
}

export function dateLiteral(v: string): number {
  if (!isCalendarDate(v)) throw new GaqlError('INVALID_DATE_FORMAT', `Invalid date format: '${v}'. Expected 'YYYY-MM-DD'.`, v);
  return dayNumber(v);
}

export function dayRange(conds: readonly Condition[], today: number): DayRange {
  const r: DayRange = { lo: null, hi: null };
  const narrow = (lo: number | null, hi: number | null) => {
    if (lo !== null) r.lo = r.lo === null ? lo : Math.max(r.lo, lo);
    if (hi !== null) r.hi = r.hi === null ? hi : Math.min(r.hi, hi);
  };
  for (const c of conds) {
    const days = c.op === 'DURING' ? [] : c.values.map((v) => dateLiteral(v.v));
    switch (c.op) {
      case '=':
        narrow(days[0]!, days[0]!);
        break;
      case 'BETWEEN':
        narrow(days[0]!, days[1]!);
        break;
      case 'DURING': {
        const v = c.values[0]!;
        if (v.kind !== 'word') throw new GaqlError('INVALID_VALUE_WITH_DURING_OPERATOR', `Invalid value with DURING operator: '${v.v}'.`, v.v);
        narrow(...during(v.v.toUpperCase(), today));
        break;
      }
      case '>=':
        narrow(days[0]!, null);
        break;
      case '>':
        narrow(days[0]! + 1, null);
        break;
      case '<=':
        narrow(null, days[0]!);
        break;
      case '<':
        narrow(null, days[0]! - 1);
        break;
      case 'IN':
        narrow(Math.min(...days), Math.max(...days));
        break;
      case '!=':
      case 'NOT IN':
        break;
      default:
        throw new GaqlError('OPERATOR_FIELD_MISMATCH', `Operator ${c.op} cannot be used with segments.date.`, c.op);
    }
  }
  return r;
}
