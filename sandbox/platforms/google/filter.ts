import type { FieldDef } from './fields.js';
import { GaqlError, type Condition, type GaqlValue } from './gaql.js';
import type { FieldValue, RowCtx } from './row.js';

/** One WHERE condition, checked against a row. Literals are checked once, when the plan is made. */
export interface Check {
  cond: Condition;
  def: FieldDef;
}

export function checkLiterals({ cond, def }: Check): void {
  for (const v of cond.values) {
    if (def.type === 'int64' || def.type === 'double') {
      if (!/^-?\d+(\.\d+)?$/.test(v.v)) throw new GaqlError('BAD_NUMBER', `Bad number in the query: '${v.v}'.`, v.v);
    } else if (def.type === 'bool') {
      if (!/^(true|false)$/i.test(v.v)) throw new GaqlError('BAD_VALUE', `Bad value for ${cond.field}: '${v.v}'.`, v.v);
    } else if (def.type === 'enum' && def.enums && !def.enums.includes(v.v) && cond.op !== 'LIKE' && cond.op !== 'NOT LIKE') {
      throw new GaqlError('BAD_ENUM_CONSTANT', `Invalid enum constant in the query: '${v.v}'.`, v.v);
    }
  }
  if ((cond.op === 'LIKE' || cond.op === 'NOT LIKE') && def.type !== 'string' && def.type !== 'enum') {
    throw new GaqlError('OPERATOR_FIELD_MISMATCH', `Operator ${cond.op} cannot be used with ${cond.field}.`, cond.op);
  }
  if (cond.op.startsWith('CONTAINS') !== (def.type === 'strings') && cond.op !== 'IS NULL' && cond.op !== 'IS NOT NULL') {
    throw new GaqlError('OPERATOR_FIELD_MISMATCH', `Operator ${cond.op} cannot be used with ${cond.field}.`, cond.op);
  }
}

function compare(a: FieldValue, lit: GaqlValue, type: FieldDef['type']): number {
  if (type === 'int64') {
    const x = BigInt(String(a));
    const y = BigInt(lit.v.split('.')[0]!);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (type === 'double') return Math.sign(Number(a) - Number(lit.v));
  if (type === 'bool') return Number(a === true) - Number(lit.v.toLowerCase() === 'true');
  const s = String(a);
  return s < lit.v ? -1 : s > lit.v ? 1 : 0;
}

const likeCache = new Map<string, RegExp>();
function like(pattern: string): RegExp {
  let re = likeCache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 's');
    likeCache.set(pattern, re);
  }
  return re;
}

export function matches({ cond, def }: Check, row: RowCtx): boolean {
  const v = def.get(row);
  if (cond.op === 'IS NULL') return v === undefined;
  if (cond.op === 'IS NOT NULL') return v !== undefined;
  if (v === undefined) return false;
  const [a, b] = cond.values as [GaqlValue, GaqlValue];
  switch (cond.op) {
    case '=':
      return compare(v, a, def.type) === 0;
    case '!=':
      return compare(v, a, def.type) !== 0;
    case '>':
      return compare(v, a, def.type) > 0;
    case '>=':
      return compare(v, a, def.type) >= 0;
    case '<':
      return compare(v, a, def.type) < 0;
    case '<=':
      return compare(v, a, def.type) <= 0;
    case 'BETWEEN':
      return compare(v, a, def.type) >= 0 && compare(v, b, def.type) <= 0;
    case 'IN':
      return cond.values.some((x) => compare(v, x, def.type) === 0);
    case 'NOT IN':
      return !cond.values.some((x) => compare(v, x, def.type) === 0);
    case 'LIKE':
      return like(a.v).test(String(v));
    case 'NOT LIKE':
      return !like(a.v).test(String(v));
    case 'REGEXP_MATCH':
      return new RegExp(`^(?:${a.v})$`).test(String(v));
    case 'NOT REGEXP_MATCH':
      return !new RegExp(`^(?:${a.v})$`).test(String(v));
    case 'CONTAINS ANY':
      return cond.values.some((x) => (v as readonly string[]).includes(x.v));
    case 'CONTAINS ALL':
      return cond.values.every((x) => (v as readonly string[]).includes(x.v));
    case 'CONTAINS NONE':
      return !cond.values.some((x) => (v as readonly string[]).includes(x.v));
    case 'DURING':
      // Dates are narrowed by the plan's range; the row already lies inside it.
      return true;
  }
}
