import { fieldDef, resourceFields, type FieldDef } from './fields.js';
import type { Plan } from './plan.js';
import type { FieldValue, RowCtx } from './row.js';

/**
 * A GoogleAdsRow in REST JSON: one object per resource (with its `resourceName` first, whether
 * or not it was selected, unless `omit_unselected_resource_names = true`), then `metrics` and
 * `segments`; camelCase keys, int64 as strings.
 */
type Json = Record<string, unknown>;

function format(v: FieldValue, type: FieldDef['type']): unknown {
  if (type === 'int64') return String(v);
  if (type === 'double') return Number(v);
  return v;
}

function place(out: Json, path: readonly string[], value: unknown): void {
  let node = out;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    node = (node[key] ??= {}) as Json;
  }
  node[path[path.length - 1]!] = value;
}

interface Spec {
  /** Resource objects in order of first appearance, with how to name them. */
  heads: Array<{ key: string; name: FieldDef['get'] | undefined }>;
  nestedAd: boolean;
  fields: Plan['fields'];
}

const specs = new WeakMap<Plan, Spec>();

function specOf(plan: Plan): Spec {
  let spec = specs.get(plan);
  if (spec) return spec;
  const heads: Spec['heads'] = [];
  for (const f of plan.fields) {
    const owner = f.name.split('.')[0]!;
    if (owner === 'metrics' || owner === 'segments' || heads.some((h) => h.key === f.path[0])) continue;
    heads.push({ key: f.path[0]!, name: resourceFields[owner]?.[`${owner}.resource_name`]?.get });
  }
  spec = { heads: plan.omitUnselectedResourceNames ? [] : heads, nestedAd: !plan.omitUnselectedResourceNames && plan.fields.some((f) => f.name.startsWith('ad_group_ad.ad.')), fields: plan.fields };
  specs.set(plan, spec);
  return spec;
}

export function renderRow(plan: Plan, row: RowCtx): Json {
  const spec = specOf(plan);
  const out: Json = {};
  for (const h of spec.heads) {
    const name = h.name?.(row);
    out[h.key] = name === undefined ? {} : { resourceName: name };
  }
  if (spec.nestedAd) (out.adGroupAd as Json).ad = { resourceName: resourceFields.ad_group_ad!['ad_group_ad.ad.resource_name']!.get(row) };
  for (const f of spec.fields) {
    const v = f.def.get(row);
    if (v !== undefined) place(out, f.path, format(v, f.def.type));
  }
  return out;
}

/** Sort key comparison for ORDER BY: typed, missing values first. */
export function compareRows(plan: Plan, a: RowCtx, b: RowCtx): number {
  for (const o of plan.query.orderBy) {
    const def = fieldDef(o.field);
    if (!def) continue;
    const x = def.get(a);
    const y = def.get(b);
    let c: number;
    if (x === undefined || y === undefined) c = x === y ? 0 : x === undefined ? -1 : 1;
    else if (def.type === 'int64') c = BigInt(String(x)) < BigInt(String(y)) ? -1 : BigInt(String(x)) > BigInt(String(y)) ? 1 : 0;
    else if (def.type === 'double') c = Math.sign(Number(x) - Number(y));
    else c = String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
    if (c !== 0) return o.desc ? -c : c;
  }
  return 0;
}

