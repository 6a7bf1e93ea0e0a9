import type { FastifyRequest } from 'fastify';
import type { DayNumbers, World, WorldAccount, WorldCampaign, WorldEntity } from '../../world/types.js';
import { entitySource } from './entities.js';
import { GraphError } from './errors.js';
import { compileFilter } from './filtering.js';
import { readInsightsQuery, type Bucket, type InsightsLevel } from './insights-query.js';
import { addNumbers, isEmpty, renderRow, subjectOf, ZERO } from './insights-rows.js';
import { limitOf, str, type Params } from './params.js';
import { pageBody, readPage, type Source } from './paging.js';
import { addDays } from './units.js';

/**
 * `GET /{act_id|campaign_id|adset_id|ad_id}/insights`. Rows are computed lazily, one page at a
 * time, straight from world.adDay / world.sumDay: position = bucket × entities + entity, so a
 * page of a 300,000-row report costs O(page) (plus rows skipped because nothing was delivered).
 */

export type InsightsTarget =
  | { kind: 'account'; account: WorldAccount }
  | { kind: 'campaign' | 'adset' | 'ad'; account: WorldAccount; entity: WorldEntity };

const RANK: Record<InsightsLevel, number> = { account: 0, campaign: 1, adset: 2, ad: 3 };
/** Beyond this many ad-days per page Meta asks for less data (code 1); the sandbox draws the line here. */
const MAX_PAGE_AD_DAYS = 1_000_000;

/** The dates of each bucket, listed once per request rather than stepped through per row. */
function datesOf(b: Bucket): string[] {
  const out: string[] = [];
  for (let d = b.since; d <= b.until; d = addDays(d, 1)) out.push(d);
  return out;
}

function numbersOf(world: World, account: WorldAccount, level: InsightsLevel, e: WorldEntity | null, dates: readonly string[]): DayNumbers {
  let sum = ZERO;
  for (const d of dates) {
    const n =
      level === 'account' || !e
        ? world.sumDay(account, 'account', null, d)
        : level === 'ad'
          ? world.adDay(account, e.id, d)
          : world.sumDay(account, level === 'adset' ? 'ad_set' : 'campaign', e.id, d);
    sum = addNumbers(sum, n);
  }
  return sum;
}

function levelEntities(world: World, target: InsightsTarget, level: Exclude<InsightsLevel, 'account'>, p: Params): Source<WorldEntity> {
  const filter = compileFilter(world, target.account, level, p);
  if (target.kind === level) {
    const e = (target as { entity: WorldEntity }).entity;
    return { size: 1, at: () => (filter.test(e) ? e : undefined) };
  }
  const parent = target.kind === 'campaign' || target.kind === 'adset' ? { kind: target.kind, id: target.entity.id } : filter.parent;
  return entitySource(world, target.account, level, parent, filter.test);
}

export function insights(world: World, target: InsightsTarget, req: FastifyRequest, p: Params): Record<string, unknown> {
  const { account } = target;
  const q = readInsightsQuery(world, account, p);
  const level = q.level ?? target.kind;
  if (RANK[level] < RANK[target.kind]) {
    throw new GraphError(1, 'An unknown error has occurred.', { status: 500, subcode: 99, transient: false });
  }
  const limit = limitOf(p, 25, 5_000);
  if (limit * q.days > MAX_PAGE_AD_DAYS) {
    throw new GraphError(1, "Please reduce the amount of data you're asking for, then retry your request", { status: 500, subcode: 99 });
  }
  const entities: Source<WorldEntity | null> =
    level === 'account' ? { size: 1, at: () => null } : levelEntities(world, target, level, p);
  const campaignOf = (id: string) => {
    const c = world.entity(account, 'campaign', id);
    return c?.level === 'campaign' ? (c as WorldCampaign) : undefined;
  };
  const adSetOf = (id: string) => world.entity(account, 'ad_set', id);
  const n = entities.size;
  const bucketDates = q.buckets.map(datesOf);
  const rows: Source<Record<string, unknown>> = {
    size: q.buckets.length * n,
    at: (pos) => {
      const bucket = Math.floor(pos / n);
      const b = q.buckets[bucket]!;
      const e = entities.at(pos % n);
      if (e === undefined) return undefined;
      const nums = numbersOf(world, account, level, e, bucketDates[bucket]!);
      if (isEmpty(nums)) return undefined;
      return renderRow(subjectOf(level, account, e, campaignOf, adSetOf), b, nums, q.fields, q.windows);
    },
  };
  const first = q.buckets[0]!;
  const last = q.buckets[q.buckets.length - 1]!;
  const scope = ['insights', account.id, target.kind === 'account' ? '' : target.entity.id, level, first.since, last.until, q.buckets.length, str(p, 'filtering'), str(p, 'effective_status')].join('|');
  const page = readPage(rows, p, scope, limit);
  return pageBody(req, page, scope, page.items);
}
