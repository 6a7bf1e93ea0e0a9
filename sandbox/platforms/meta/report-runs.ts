import { randomInt } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { World, WorldAccount } from '../../world/types.js';
import type { Caller } from './auth.js';
import { readInsightsQuery } from './insights-query.js';
import { insights } from './insights.js';
import type { Params } from './params.js';
import { metaTime } from './units.js';

/**
 * Asynchronous Insights: `POST /act_{id}/insights` answers `{report_run_id}`; the run is
 * complete at once (the sandbox computes rows lazily anyway), `GET /{run}` reports
 * "Job Completed", and `GET /{run}/insights` pages the rows of the parameters it was started with.
 */
interface Run {
  id: string;
  accountId: string;
  params: Params;
  createdAt: Date;
  since: string;
  until: string;
}

const runs = new WeakMap<World, Map<string, Run>>();
const KEEP = 1_000;
const PAGING = new Set(['after', 'before', 'limit', 'access_token']);

export function startRun(world: World, account: WorldAccount, p: Params): { report_run_id: string } {
  const q = readInsightsQuery(world, account, p);
  let m = runs.get(world);
  if (!m) runs.set(world, (m = new Map()));
  const id = `${randomInt(100_000_000, 999_999_999)}${randomInt(1_000_000, 9_999_999)}`;
  const params = Object.fromEntries(Object.entries(p).filter(([k]) => !PAGING.has(k)));
  m.set(id, { id, accountId: account.id, params, createdAt: world.now(), since: q.buckets[0]!.since, until: q.buckets[q.buckets.length - 1]!.until });
  if (m.size > KEEP) m.delete(m.keys().next().value!);
  return { report_run_id: id };
}

export function findRun(world: World, caller: Caller, id: string): { run: Run; account: WorldAccount } | undefined {
  const run = runs.get(world)?.get(id);
  if (!run || !caller.grant.accountIds.includes(run.accountId)) return undefined;
  const account = world.account('meta', run.accountId);
  return account ? { run, account } : undefined;
}

export function renderRun(run: Run, account: WorldAccount): Record<string, unknown> {
  const secs = Math.floor(run.createdAt.getTime() / 1000);
  return {
    id: run.id,
    account_id: account.id,
    async_status: 'Job Completed',
    async_percent_completion: 100,
    date_start: run.since,
    date_stop: run.until,
    time_ref: secs,
    time_completion: secs,
    is_running: false,
    emails: [],
    friendly_name: '',
    schedule_id: '0',
    created_time: metaTime(run.createdAt.toISOString(), account.timeZone),
  };
}

export function runInsights(world: World, run: Run, account: WorldAccount, req: FastifyRequest, paging: Params): Record<string, unknown> {
  const extra = Object.fromEntries(Object.entries(paging).filter(([k]) => PAGING.has(k)));
  return insights(world, { kind: 'account', account }, req, { ...run.params, ...extra });
}
