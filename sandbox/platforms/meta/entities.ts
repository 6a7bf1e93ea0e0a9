import type { FastifyRequest } from 'fastify';
import type { World, WorldAccount, WorldEntity } from '../../world/types.js';
import { knownFields, QUIET, renderEntity, NODE_TYPE, type EntityKind } from './entity-fields.js';
import { checkFields, parseFields } from './fields.js';
import { compileFilter } from './filtering.js';
import { limitOf, paramsOf, str } from './params.js';
import { pageBody, readPage, type Source } from './paging.js';

/**
 * The entity edges: `/act_{id}/campaigns|adsets|ads`, `/{campaign_id}/adsets|ads`, `/{adset_id}/ads`.
 * Children of one parent are found through an index of positions, built once per list the world
 * hands out, so a page of a parent's children costs O(page) even in a 10,000-ad account.
 */

export const MAX_LIMIT = 5_000;

type ParentKind = 'campaign' | 'adset';
const positionIndex = new WeakMap<readonly WorldEntity[], Map<ParentKind, Map<string, number[]>>>();

function childrenOf(list: readonly WorldEntity[], parent: ParentKind, id: string): number[] {
  let byKind = positionIndex.get(list);
  if (!byKind) positionIndex.set(list, (byKind = new Map()));
  let index = byKind.get(parent);
  if (!index) {
    index = new Map();
    list.forEach((e, i) => {
      const key = parent === 'campaign' ? (e.level === 'campaign' ? e.id : e.campaignId) : e.level === 'ad' ? e.adSetId : e.id;
      const at = index!.get(key);
      if (at) at.push(i);
      else index!.set(key, [i]);
    });
    byKind.set(parent, index);
  }
  return index.get(id) ?? [];
}

export function entitiesOf(world: World, account: WorldAccount, kind: EntityKind): readonly WorldEntity[] {
  if (kind === 'campaign') return world.campaigns(account);
  if (kind === 'adset') return world.adSets(account);
  return world.ads(account);
}

/** The entities of a kind, optionally under one parent, as a positional source filtered by `test`. */
export function entitySource(
  world: World,
  account: WorldAccount,
  kind: EntityKind,
  parent: { kind: ParentKind; id: string } | null,
  test: (e: WorldEntity) => boolean,
): Source<WorldEntity> {
  const all = entitiesOf(world, account, kind);
  if (!parent) return { size: all.length, at: (i) => (test(all[i]!) ? all[i] : undefined) };
  const positions = childrenOf(all, parent.kind, parent.id);
  return {
    size: positions.length,
    at: (i) => {
      const e = all[positions[i]!]!;
      return test(e) ? e : undefined;
    },
  };
}

export function listEntities(
  world: World,
  account: WorldAccount,
  kind: EntityKind,
  req: FastifyRequest,
  pathParent: { kind: ParentKind; id: string } | null,
): Record<string, unknown> {
  const p = paramsOf(req);
  const fields = parseFields(str(p, 'fields'));
  if (fields) checkFields(fields, knownFields(kind), NODE_TYPE[kind], QUIET);
  const filter = compileFilter(world, account, kind, p);
  const parent = pathParent ?? filter.parent;
  const source = entitySource(world, account, kind, parent, filter.test);
  const scope = [kind, account.id, parent?.kind, parent?.id, str(p, 'effective_status'), str(p, 'filtering')].join('|');
  const page = readPage(source, p, scope, limitOf(p, 25, MAX_LIMIT));
  const body = pageBody(req, page, scope, page.items.map((e) => renderEntity(kind, world, account, e, fields)));
  if (str(p, 'summary') === 'true' || str(p, 'summary') === 'total_count') body.summary = { total_count: totalOf(world, account, scope, source) };
  return body;
}

/** `summary.total_count` walks the whole listing, so each listing's count is kept until a mutation. */
const MAX_TOTALS = 256;
const totals = new WeakMap<World, Map<string, { revision: number; total: number }>>();

function totalOf(world: World, account: WorldAccount, scope: string, source: Source<WorldEntity>): number {
  let byScope = totals.get(world);
  if (!byScope) totals.set(world, (byScope = new Map()));
  const revision = world.revision(account);
  const hit = byScope.get(scope);
  if (hit && hit.revision === revision) return hit.total;
  let total = 0;
  for (let i = 0; i < source.size; i++) if (source.at(i) !== undefined) total++;
  if (byScope.size >= MAX_TOTALS) byScope.clear();
  byScope.set(scope, { revision, total });
  return total;
}
