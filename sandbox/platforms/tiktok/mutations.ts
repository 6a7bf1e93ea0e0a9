import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Level, World, WorldAccount, WorldAdSet, WorldCampaign } from '../../world/types.js';
import { requireAdvertiser, requireToken } from './auth.js';
import { adgroupRow, campaignRow } from './entity-fields.js';
import { invalid, sendOk } from './errors.js';
import { idString, parseOrThrow } from './params.js';
import { toMinor } from './units.js';

const ids = (name: string) => z.array(idString).min(1, `${name}: Length must be between 1 and 20.`).max(20, `${name}: Length must be between 1 and 20.`);
const operation = z.enum(['ENABLE', 'DISABLE', 'DELETE']);

const campaignUpdate = z.object({ advertiser_id: idString, campaign_id: idString, budget: z.number().optional(), budget_mode: z.string().optional(), campaign_name: z.string().optional() });
const adgroupUpdate = z.object({ advertiser_id: idString, adgroup_id: idString, budget: z.number().optional(), budget_mode: z.string().optional(), adgroup_name: z.string().optional() });
const adgroupBudgetUpdate = z.object({
  advertiser_id: idString,
  budget: z.array(z.object({ adgroup_id: idString, budget: z.number() })).min(1).max(20).optional(),
  scheduled_budget: z.array(z.unknown()).optional(),
});
/** `/campaign|adgroup|ad/status/update/`: each names its own id list (1–20 ids). */
const statusUpdate = z.object({
  advertiser_id: idString,
  operation_status: operation,
  allow_partial_success: z.boolean().optional(),
  campaign_ids: ids('campaign_ids').optional(),
  adgroup_ids: ids('adgroup_ids').optional(),
  ad_ids: ids('ad_ids').optional(),
});

const NOUN: Record<Level, string> = { campaign: 'campaign_id', ad_set: 'adgroup_id', ad: 'ad_id' };

/** Mutations of the sandbox: budgets and ENABLE / DISABLE, through the world so every later read and report shows them. */
export async function registerMutations(app: FastifyInstance, world: World, base: string): Promise<void> {
  const record = (req: FastifyRequest, prefixLength: number) =>
    world.received.record('mutations', 'tiktok', {
      host: 'business-api.tiktok.com',
      method: req.method,
      path: (req.url.split('?')[0] ?? '').slice(prefixLength),
      query: req.query,
      body: req.body,
    });
  const prefixLength = app.prefix.length;

  const mustExist = (account: WorldAccount, level: Level, id: string) => {
    const e = world.entity(account, level, id);
    if (!e) throw invalid(`${NOUN[level]}: ${id} does not exist under advertiser ${account.id}.`);
    return e;
  };

  /** A budget change on an entity that holds a daily budget; the mode itself cannot change on update. */
  const budgetChange = (account: WorldAccount, level: 'campaign' | 'ad_set', e: WorldCampaign | WorldAdSet, b: { budget?: number | undefined; budget_mode?: string | undefined }) => {
    const mode = e.dailyBudgetMinor === null ? 'BUDGET_MODE_INFINITE' : 'BUDGET_MODE_DAY';
    if (b.budget_mode !== undefined && b.budget_mode !== mode) throw invalid('budget_mode: budget_mode cannot be modified.');
    if (b.budget === undefined) return null;
    if (e.dailyBudgetMinor === null) throw invalid(`budget: The budget cannot be set when budget_mode is BUDGET_MODE_INFINITE.`);
    return () => world.setDailyBudget(account, level, e.id, toMinor(b.budget!, account.currency, 'budget'));
  };

  app.post(`${base}/campaign/update/`, async (req, reply) => {
    const grant = requireToken(world, req);
    const body = parseOrThrow(campaignUpdate, req.body);
    const account = requireAdvertiser(world, grant, body.advertiser_id);
    const c = mustExist(account, 'campaign', body.campaign_id) as WorldCampaign;
    if (body.campaign_name !== undefined && body.campaign_name !== c.name) throw invalid('campaign_name: Renaming is not supported by the sandbox.');
    budgetChange(account, 'campaign', c, body)?.();
    record(req, prefixLength);
    return sendOk(reply, campaignRow(account, world.entity(account, 'campaign', c.id) as WorldCampaign));
  });

  app.post(`${base}/adgroup/update/`, async (req, reply) => {
    const grant = requireToken(world, req);
    const body = parseOrThrow(adgroupUpdate, req.body);
    const account = requireAdvertiser(world, grant, body.advertiser_id);
    const g = mustExist(account, 'ad_set', body.adgroup_id) as WorldAdSet;
    if (body.adgroup_name !== undefined && body.adgroup_name !== g.name) throw invalid('adgroup_name: Renaming is not supported by the sandbox.');
    budgetChange(account, 'ad_set', g, body)?.();
    record(req, prefixLength);
    return sendOk(reply, adgroupRow(world, account, world.entity(account, 'ad_set', g.id) as WorldAdSet));
  });

  app.post(`${base}/adgroup/budget/update/`, async (req, reply) => {
    const grant = requireToken(world, req);
    const body = parseOrThrow(adgroupBudgetUpdate, req.body);
    const account = requireAdvertiser(world, grant, body.advertiser_id);
    if (body.scheduled_budget !== undefined) throw invalid('scheduled_budget: Scheduled budgets are not supported by the sandbox.');
    if (!body.budget) throw invalid('budget: Missing data for required field.');
    // Every item is checked before any is applied, so a bad item changes nothing.
    const changes = body.budget.map((item) => {
      const g = mustExist(account, 'ad_set', item.adgroup_id) as WorldAdSet;
      return budgetChange(account, 'ad_set', g, { budget: item.budget })!;
    });
    for (const apply of changes) apply();
    record(req, prefixLength);
    return sendOk(reply, {});
  });

  const statusRoute = (path: string, level: Level, key: 'campaign_ids' | 'adgroup_ids' | 'ad_ids') => {
    app.post(`${base}/${path}/status/update/`, async (req, reply) => {
      const grant = requireToken(world, req);
      const body = parseOrThrow(statusUpdate, req.body);
      const account = requireAdvertiser(world, grant, body.advertiser_id);
      const list = body[key];
      if (!list) throw invalid(`${key}: Missing data for required field.`);
      if (body.operation_status === 'DELETE') throw invalid('operation_status: DELETE is not supported by the sandbox.');
      const targets = [...new Set(list)];
      // All ids are checked before any status changes: the request succeeds or changes nothing.
      for (const id of targets) mustExist(account, level, id);
      for (const id of targets) world.setStatus(account, level, id, body.operation_status === 'ENABLE' ? 'ACTIVE' : 'PAUSED');
      record(req, prefixLength);
      return sendOk(reply, { [key]: targets, status: body.operation_status });
    });
  };
  statusRoute('campaign', 'campaign', 'campaign_ids');
  statusRoute('adgroup', 'ad_set', 'adgroup_ids');
  statusRoute('ad', 'ad', 'ad_ids');
}
