import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { WorldError, type World } from '../../world/types.js';
import { requireManage, type Caller } from './auth.js';
import { WORLD_LEVEL } from './entity-fields.js';
import { fromWorldError, GraphError, graphErrors } from './errors.js';
import type { GraphNode } from './nodes.js';
import { jsonParam, paramsOf, str } from './params.js';
import { fromMetaBudget } from './units.js';

/**
 * Updates are `POST /{campaign_id|adset_id|ad_id}` with `status` and/or `daily_budget`
 * (an integer string in the currency's minor unit), answered `{"success":true}`.
 * An ad set's budget may change 4 times an hour; the 5th change is refused with code 17.
 */
export const BUDGET_CHANGES_PER_HOUR = 4;

const IGNORED = new Set(['access_token', 'appsecret_proof', 'appsecret_time', 'execution_options', 'fields', 'method', 'format', 'suppress_http_code']);
const statusSchema = z.enum(['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED'], { message: 'must be one of {ACTIVE, PAUSED, DELETED, ARCHIVED}' });
const budgetSchema = z.string().regex(/^\d+$/, 'must be a positive integer').refine((s) => Number(s) > 0 && Number.isSafeInteger(Number(s)), 'must be a positive integer');
const optionsSchema = z.array(z.enum(['validate_only', 'include_recommendations', 'synchronous_ad_review']));

const budgetChanges = new WeakMap<World, Map<string, number[]>>();

function checkBudgetRate(world: World, adSetId: string): () => void {
  let m = budgetChanges.get(world);
  if (!m) budgetChanges.set(world, (m = new Map()));
  const now = world.now().getTime();
  const recent = (m.get(adSetId) ?? []).filter((t) => now - t < 3_600_000);
  if (recent.length >= BUDGET_CHANGES_PER_HOUR) {
    throw new GraphError(17, '(#17) User request limit reached', {
      subcode: 1885172,
      transient: false,
      userTitle: 'Too Many Changes to Ad Set Budget',
      userMsg: `This ad set's budget has been changed ${BUDGET_CHANGES_PER_HOUR} times in the last hour. Wait an hour before you change it again.`,
    });
  }
  return () => m!.set(adSetId, [...recent, now]);
}

export function updateEntity(world: World, caller: Caller, node: GraphNode, req: FastifyRequest, path: string): { success: true } {
  if (node.kind !== 'campaign' && node.kind !== 'adset' && node.kind !== 'ad') throw graphErrors.unsupported('POST', path.split('/').pop() ?? '');
  requireManage(caller);
  const p = paramsOf(req);
  const unknown = Object.keys(p).filter((k) => !IGNORED.has(k) && k !== 'status' && k !== 'daily_budget');
  if (unknown.length) throw graphErrors.invalidParam(`(#100) Param ${unknown[0]} is not supported by the Stratum sandbox (it changes status and daily_budget only)`);
  const statusRaw = str(p, 'status');
  const budgetRaw = str(p, 'daily_budget');
  if (statusRaw === undefined && budgetRaw === undefined) throw graphErrors.invalidParam('(#100) No fields to update: send status and/or daily_budget');
  const status = statusRaw === undefined ? undefined : statusSchema.safeParse(statusRaw);
  if (status && !status.success) throw graphErrors.invalidParam(`(#100) Param status must be one of {ACTIVE, PAUSED, DELETED, ARCHIVED}`);
  if (status?.data === 'DELETED' || status?.data === 'ARCHIVED') {
    throw graphErrors.invalidParam('Invalid parameter', { userTitle: 'Status not supported', userMsg: 'The Stratum sandbox can set ACTIVE or PAUSED only.' });
  }
  let budget: number | undefined;
  if (budgetRaw !== undefined) {
    if (node.kind === 'ad') throw graphErrors.invalidParam('(#100) Param daily_budget is not valid for an ad');
    const parsed = budgetSchema.safeParse(budgetRaw);
    if (!parsed.success) throw graphErrors.invalidParam(`(#100) Param daily_budget ${parsed.error.issues[0]!.message}`);
    budget = Number(parsed.data);
  }
  const validateOnly = (jsonParam(p, 'execution_options', optionsSchema) ?? []).includes('validate_only');
  const commitRate = budget !== undefined && node.kind === 'adset' ? checkBudgetRate(world, node.entity.id) : () => undefined;
  const level = WORLD_LEVEL[node.kind];
  if (!validateOnly) {
    try {
      if (budget !== undefined && level !== 'ad') world.setDailyBudget(node.account, level, node.entity.id, fromMetaBudget(budget, node.account.currency));
      if (status?.data === 'ACTIVE' || status?.data === 'PAUSED') world.setStatus(node.account, level, node.entity.id, status.data);
    } catch (err) {
      if (err instanceof WorldError) throw fromWorldError(err, 'POST', node.entity.id);
      throw err;
    }
    commitRate();
  }
  world.received.record('mutations', 'meta', { method: req.method, path, query: req.query ?? {}, body: req.body ?? null });
  return { success: true };
}
