import type { FastifyInstance } from 'fastify';
import type { Objective, World, WorldAccount, WorldAd, WorldAdSet, WorldCampaign } from '../../world/types.js';
import { requireAdvertiser, requireToken } from './auth.js';
import { readFiltering, statusPredicate, type Filtering, type StatusView } from './entity-filter.js';
import {
  AD_FIELDS, ADGROUP_FIELDS, CAMPAIGN_FIELDS, adRow, adSecondary, adgroupRow, adgroupSecondary, campaignRow, campaignSecondary, operationStatus,
} from './entity-fields.js';
import { invalid, sendOk } from './errors.js';
import { pageInfo, pageWindow, positionsBy } from './paging.js';
import { flatQuery, pageParam, pageSizeParam, parseOrThrow, requiredId, stringList } from './params.js';

type Entity = WorldCampaign | WorldAdSet | WorldAd;
type IdKey = 'campaign_ids' | 'adgroup_ids' | 'ad_ids';

/** What differs between `/campaign/get/`, `/adgroup/get/` and `/ad/get/`. */
interface Level<E extends Entity> {
  path: string;
  fields: readonly string[];
  statusPrefix: 'CAMPAIGN_STATUS_' | 'ADGROUP_STATUS_' | 'AD_STATUS_';
  list(world: World, a: WorldAccount): readonly E[];
  /** The filtering keys that name this entity or one of its parents, with the id each entity carries for it. */
  keys: Partial<Record<IdKey, (e: E) => string>>;
  row(world: World, a: WorldAccount, e: E): Record<string, unknown>;
  status(world: World, a: WorldAccount, e: E): StatusView;
  objective(world: World, a: WorldAccount, e: E): Objective | undefined;
}

const campaignOf = (world: World, a: WorldAccount, id: string) => world.entity(a, 'campaign', id) as WorldCampaign | undefined;
const groupOf = (world: World, a: WorldAccount, id: string) => world.entity(a, 'ad_set', id) as WorldAdSet | undefined;
const view = (operation: 'ENABLE' | 'DISABLE', secondary: string): StatusView => ({
  operation,
  secondary,
  delivering: secondary.endsWith('_DELIVERY_OK') || secondary === 'CAMPAIGN_STATUS_ENABLE',
});
const OBJECTIVE_TYPE: Record<Objective, string> = { SALES: 'WEB_CONVERSIONS', LEADS: 'LEAD_GENERATION', TRAFFIC: 'TRAFFIC', AWARENESS: 'REACH' };

const campaigns: Level<WorldCampaign> = {
  path: 'campaign',
  fields: CAMPAIGN_FIELDS,
  statusPrefix: 'CAMPAIGN_STATUS_',
  list: (w, a) => w.campaigns(a),
  keys: { campaign_ids: (c) => c.id },
  row: (_w, a, c) => campaignRow(a, c),
  status: (_w, _a, c) => view(operationStatus(c.status), campaignSecondary(c)),
  objective: (_w, _a, c) => c.objective,
};

const adgroups: Level<WorldAdSet> = {
  path: 'adgroup',
  fields: ADGROUP_FIELDS,
  statusPrefix: 'ADGROUP_STATUS_',
  list: (w, a) => w.adSets(a),
  keys: { adgroup_ids: (g) => g.id, campaign_ids: (g) => g.campaignId },
  row: adgroupRow,
  status: (w, a, g) => view(operationStatus(g.status), adgroupSecondary(campaignOf(w, a, g.campaignId), g)),
  objective: (w, a, g) => campaignOf(w, a, g.campaignId)?.objective,
};

const ads: Level<WorldAd> = {
  path: 'ad',
  fields: AD_FIELDS,
  statusPrefix: 'AD_STATUS_',
  list: (w, a) => w.ads(a),
  keys: { ad_ids: (d) => d.id, adgroup_ids: (d) => d.adSetId, campaign_ids: (d) => d.campaignId },
  row: adRow,
  status: (w, a, d) => view(operationStatus(d.status), adSecondary(campaignOf(w, a, d.campaignId), groupOf(w, a, d.adSetId), d)),
  objective: (w, a, d) => campaignOf(w, a, d.campaignId)?.objective,
};

/**
 * Positions (in the world's stable order) of the entities the id filters select, or null for
 * all of them. Several id filters intersect, as TikTok's filters do.
 */
function idSelection<E extends Entity>(level: Level<E>, all: readonly E[], f: Filtering): number[] | null {
  let picked: number[] | null = null;
  for (const key of ['ad_ids', 'adgroup_ids', 'campaign_ids'] as const) {
    const wanted = f[key];
    if (!wanted) continue;
    const keyOf = level.keys[key];
    if (!keyOf) throw invalid(`filtering.${key}: Not a valid filter for ${level.path}/get.`);
    const index = positionsBy(all, key, keyOf);
    const hits = [...new Set(wanted)].flatMap((id) => index.get(id) ?? []).sort((x, y) => x - y);
    const hitSet = new Set(hits);
    picked = picked === null ? hits : picked.filter((p) => hitSet.has(p));
  }
  return picked;
}

/** Positions a status or objective filter selected, per entity list and filter, while the account's revision holds. */
const MAX_FILTERS = 32;
const selections = new WeakMap<object, Map<string, { revision: number; positions: number[] }>>();

function filtered(list: readonly object[], key: string, revision: number, select: () => number[]): number[] {
  let byKey = selections.get(list);
  if (!byKey) selections.set(list, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && hit.revision === revision) return hit.positions;
  const positions = select();
  if (byKey.size >= MAX_FILTERS) byKey.clear();
  byKey.set(key, { revision, positions });
  return positions;
}

function register<E extends Entity>(app: FastifyInstance, world: World, base: string, level: Level<E>): void {
  app.get(`${base}/${level.path}/get/`, async (req, reply) => {
    const grant = requireToken(world, req);
    const q = flatQuery(req.query);
    const account = requireAdvertiser(world, grant, requiredId('advertiser_id', q.advertiser_id));
    const page = parseOrThrow(pageParam, q.page);
    const pageSize = parseOrThrow(pageSizeParam, q.page_size);
    const fields = stringList('fields', q.fields);
    const unknown = fields?.find((f) => !level.fields.includes(f));
    if (unknown) throw invalid(`fields: ${unknown} is not a valid field of ${level.path}.`);
    const f = readFiltering(q.filtering);
    const byStatus = statusPredicate(f, level.statusPrefix);
    const objective = f.objective_type;

    const all = level.list(world, account);
    let positions = idSelection(level, all, f);
    // Status and objective filters have to look at each candidate, once per filter until a mutation; id filters and plain paging do not.
    if (byStatus || objective) {
      const ids = positions;
      positions = filtered(all, JSON.stringify([level.path, f]), world.revision(account), () =>
        (ids ?? all.map((_e, i) => i)).filter((i) => {
          const e = all[i]!;
          if (objective && OBJECTIVE_TYPE[level.objective(world, account, e) ?? 'SALES'] !== objective) return false;
          return !byStatus || byStatus(level.status(world, account, e));
        }),
      );
    }
    const total = positions ? positions.length : all.length;
    const { from, to } = pageWindow(page, pageSize, total);
    const list: Array<Record<string, unknown>> = [];
    for (let k = from; k < to; k++) {
      const row = level.row(world, account, all[positions ? positions[k]! : k]!);
      list.push(fields ? Object.fromEntries(fields.map((name) => [name, row[name]])) : row);
    }
    return sendOk(reply, { list, page_info: pageInfo(page, pageSize, total) });
  });
}

/** `GET /campaign/get/`, `/adgroup/get/`, `/ad/get/`. */
export async function registerEntities(app: FastifyInstance, world: World, base: string): Promise<void> {
  register(app, world, base, campaigns);
  register(app, world, base, adgroups);
  register(app, world, base, ads);
}
