import type { Customer } from './customers.js';
import { dayRange } from './dates.js';
import { CONVERSION_METRICS, CONVERSION_SEGMENTS, fieldDef, RESOURCES, resourceFields, type FieldDef } from './fields.js';
import { checkLiterals, type Check } from './filter.js';
import { GaqlError, parseGaql, type GaqlQuery } from './gaql.js';

/**
 * A checked query: which rows to walk (entities, optionally × dates × conversion actions),
 * which fields to render, and which conditions to apply where. Every check Google makes before
 * running a query that the sandbox can reproduce is made here, so errors come before any output.
 */
export interface SelectedField {
  name: string;
  def: FieldDef;
  /** JSON path of the value, e.g. `['adGroupAd', 'ad', 'finalUrls']`. */
  path: string[];
}

export interface Plan {
  query: GaqlQuery;
  from: string;
  fields: SelectedField[];
  /** Conditions on the resource's own attributes: cheap, checked before any numbers are computed. */
  entityChecks: Check[];
  /** Conditions on metrics and segments (segments.date included): checked per row. */
  rowChecks: Check[];
  /** Rows carry numbers (metrics or segments selected, or filtered on). */
  stats: boolean;
  byDate: boolean;
  byConversion: boolean;
  /** Metrics selected; when none, a row counts as "with delivery" on any number. */
  metrics: string[];
  /** Inclusive day numbers; null outside stats queries. */
  days: { lo: number; hi: number } | null;
  /** Whether the row order is the natural walk (streamable), else rows are sorted in memory. */
  natural: boolean;
  omitUnselectedResourceNames: boolean;
}

const camel = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const jsonPath = (name: string): string[] => name.split('.').map(camel);

function resolve(name: string, from: string, clause: 'SELECT' | 'WHERE' | 'ORDER BY'): FieldDef {
  const owner = name.split('.')[0]!;
  const def = fieldDef(name);
  if (!def) throw new GaqlError('UNRECOGNIZED_FIELD', `Unrecognized field in the query: '${name}'.`, name);
  if (owner === 'metrics' || owner === 'segments') {
    if (!RESOURCES[from]!.stats) {
      const code = owner === 'metrics' ? 'PROHIBITED_METRIC_IN_SELECT_OR_WHERE_CLAUSE' : 'PROHIBITED_SEGMENT_IN_SELECT_OR_WHERE_CLAUSE';
      throw new GaqlError(code, `Cannot select or filter on the following ${owner}: '${name}', since it is not compatible with the resource in the FROM clause.`, name);
    }
  } else if (!RESOURCES[from]!.attributed.includes(owner)) {
    const code = clause === 'WHERE' ? 'PROHIBITED_RESOURCE_TYPE_IN_WHERE_CLAUSE' : 'PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE';
    throw new GaqlError(code, `Cannot select or filter on fields of the following resource: '${owner}', since it is not compatible with the resource in the FROM clause.`, owner);
  }
  return def;
}

export function planQuery(text: string, customer: Customer, today: number | null): Plan {
  const query = parseGaql(text);
  const from = query.from;
  if (!RESOURCES[from] || !resourceFields[from]) {
    throw new GaqlError('BAD_RESOURCE_TYPE_IN_FROM_CLAUSE', `Invalid resource type in the FROM clause: '${from}'.`, from);
  }
  const seen = new Set<string>();
  const fields: SelectedField[] = [];
  for (const name of query.select) {
    const def = resolve(name, from, 'SELECT');
    if (seen.has(name)) throw new GaqlError('PROHIBITED_FIELD_COMBINATION_IN_SELECT_CLAUSE', `Duplicate field in the SELECT clause: '${name}'.`, name);
    seen.add(name);
    fields.push({ name, def, path: jsonPath(name) });
  }
  const entityChecks: Check[] = [];
  const rowChecks: Check[] = [];
  for (const cond of query.where) {
    const check = { cond, def: resolve(cond.field, from, 'WHERE') };
    checkLiterals(check);
    // segments.date is a core date segment: Google lets it filter without being selected. Then no
    // row carries a date; the condition only narrows the days summed (`days` below).
    if (cond.field === 'segments.date' && !seen.has('segments.date')) continue;
    (/^(metrics|segments)\./.test(cond.field) ? rowChecks : entityChecks).push(check);
  }
  for (const o of query.orderBy) resolve(o.field, from, 'ORDER BY');

  const metrics = query.select.filter((n) => n.startsWith('metrics.'));
  const wherePrefixed = (p: string) => query.where.some((c) => c.field.startsWith(p));
  const byConversion = [...query.select, ...query.where.map((c) => c.field)].some((n) => CONVERSION_SEGMENTS.has(n));
  if (byConversion) {
    const bad = [...metrics, ...query.where.map((c) => c.field).filter((n) => n.startsWith('metrics.'))].find((m) => !CONVERSION_METRICS.has(m));
    if (bad) {
      throw new GaqlError(
        'PROHIBITED_SEGMENT_WITH_METRIC_IN_SELECT_OR_WHERE_CLAUSE',
        `Cannot select or filter on the following segments because at least one unsupported metric is found in SELECT or WHERE clause: '${[...CONVERSION_SEGMENTS].find((s) => seen.has(s)) ?? 'segments.conversion_action'}' (unsupported metrics: '${bad.slice('metrics.'.length)}').`,
      );
    }
  }
  const byDate = seen.has('segments.date');
  const stats = metrics.length > 0 || query.select.some((n) => n.startsWith('segments.')) || wherePrefixed('metrics.') || wherePrefixed('segments.');
  if (stats && customer.kind === 'manager') {
    throw new GaqlError('REQUESTED_METRICS_FOR_MANAGER', 'Metrics cannot be requested for a manager account. To retrieve metrics, issue separate requests against each client account under the manager account.');
  }
  let days: Plan['days'] = null;
  if (stats && customer.kind === 'client') {
    const dateConds = query.where.filter((c) => c.field === 'segments.date');
    const range = dayRange(dateConds, today ?? 0);
    if (byDate && (range.lo === null || range.hi === null)) {
      throw new GaqlError('EXPECTED_FILTERS_ON_DATE_RANGE', 'Filters on date range are required for segments.date in the SELECT clause: use DURING or BETWEEN, or both >= and <=, in the WHERE clause.');
    }
    days = { lo: range.lo ?? Number.NEGATIVE_INFINITY, hi: range.hi ?? Number.POSITIVE_INFINITY };
  }
  const order = query.orderBy;
  const natural = order.length === 0 || (byDate && order.length === 1 && order[0]!.field === 'segments.date' && !order[0]!.desc);
  return {
    query,
    from,
    fields,
    entityChecks,
    rowChecks,
    stats,
    byDate,
    byConversion,
    metrics,
    days,
    natural,
    omitUnselectedResourceNames: query.parameters.omit_unselected_resource_names?.toLowerCase() === 'true',
  };
}

/** The GoogleAdsRow field mask: the selected fields' camelCase paths. */
export const fieldMask = (plan: Plan): string => plan.fields.map((f) => f.path.join('.')).join(',');
