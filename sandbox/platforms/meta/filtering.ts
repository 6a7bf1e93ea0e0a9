import { z } from 'zod';
import type { World, WorldAccount, WorldEntity } from '../../world/types.js';
import { effectiveStatus, WORLD_LEVEL, type EntityKind } from './entity-fields.js';
import { graphErrors } from './errors.js';
import { jsonParam, type Params } from './params.js';

/**
 * Graph's list filters: `effective_status=["ACTIVE",…]` and
 * `filtering=[{"field":"campaign.id","operator":"IN","value":[…]}]`, compiled to one predicate
 * plus, when the filter pins a single parent, that parent (so the listing can walk its children only).
 */
export const EFFECTIVE_STATUSES = [
  'ACTIVE', 'PAUSED', 'DELETED', 'PENDING_REVIEW', 'DISAPPROVED', 'PREAPPROVED', 'PENDING_BILLING_INFO',
  'CAMPAIGN_PAUSED', 'ARCHIVED', 'ADSET_PAUSED', 'IN_PROCESS', 'WITH_ISSUES',
] as const;

const scalar = z.union([z.string(), z.number()]).transform(String);
const filterSchema = z.array(
  z.object({
    field: z.string().min(1),
    operator: z.enum(['EQUAL', 'NOT_EQUAL', 'IN', 'NOT_IN', 'CONTAIN', 'NOT_CONTAIN']),
    value: z.union([scalar, z.array(scalar)]),
  }),
);
const statusSchema = z.array(z.enum(EFFECTIVE_STATUSES));

export interface CompiledFilter {
  test(e: WorldEntity): boolean;
  /** A single parent every match sits under, when the filter says so. */
  parent: { kind: 'campaign' | 'adset'; id: string } | null;
}

const RANK: Record<EntityKind, number> = { campaign: 0, adset: 1, ad: 2 };

/** The entity a filter field speaks about: the row itself or one of its ancestors. */
function referenced(world: World, account: WorldAccount, kind: EntityKind, e: WorldEntity, target: EntityKind): WorldEntity | undefined {
  if (target === kind) return e;
  const id = target === 'campaign' ? (e.level === 'campaign' ? e.id : e.campaignId) : e.level === 'ad' ? e.adSetId : e.id;
  return world.entity(account, WORLD_LEVEL[target], id);
}

function attribute(world: World, account: WorldAccount, e: WorldEntity, attr: string): string {
  if (attr === 'id') return e.id;
  if (attr === 'name') return e.name;
  if (attr === 'effective_status') return effectiveStatus(world, account, e);
  return e.status;
}

export function compileFilter(world: World, account: WorldAccount, kind: EntityKind, p: Params): CompiledFilter {
  const tests: Array<(e: WorldEntity) => boolean> = [];
  let parent: CompiledFilter['parent'] = null;
  const statuses = jsonParam(p, 'effective_status', statusSchema);
  if (statuses) {
    const set = new Set<string>(statuses);
    tests.push((e) => set.has(effectiveStatus(world, account, e)));
  }
  for (const f of jsonParam(p, 'filtering', filterSchema) ?? []) {
    const m = /^(?:(campaign|adset|ad)\.)?(id|name|effective_status|configured_status|status)$/.exec(f.field);
    const target = (m?.[1] ?? kind) as EntityKind;
    if (!m || RANK[target] > RANK[kind]) throw graphErrors.invalidParam(`(#100) Filtering field ${f.field} is invalid.`);
    const attr = m[2]!;
    const values = Array.isArray(f.value) ? f.value : [f.value];
    if (attr === 'effective_status' || attr === 'configured_status' || attr === 'status') {
      const bad = values.find((v) => !(EFFECTIVE_STATUSES as readonly string[]).includes(v));
      if (bad !== undefined) throw graphErrors.invalidParam(`(#100) Filtering value ${bad} is invalid for field ${f.field}.`);
    }
    const read = (e: WorldEntity): string | undefined => {
      const r = referenced(world, account, kind, e, target);
      return r ? attribute(world, account, r, attr) : undefined;
    };
    const op = f.operator;
    tests.push((e) => {
      const v = read(e);
      if (v === undefined) return false;
      if (op === 'EQUAL' || op === 'IN') return values.includes(v);
      if (op === 'NOT_EQUAL' || op === 'NOT_IN') return !values.includes(v);
      const hit = values.some((x) => v.toLowerCase().includes(x.toLowerCase()));
      return op === 'CONTAIN' ? hit : !hit;
    });
    if (attr === 'id' && target !== kind && target !== 'ad' && (op === 'EQUAL' || op === 'IN') && values.length === 1) {
      parent = { kind: target, id: values[0]! };
    }
  }
  return { test: (e) => tests.every((t) => t(e)), parent };
}
