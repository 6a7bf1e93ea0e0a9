import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { World, WorldAccount, WorldEntity } from '../../world/types.js';
import { authenticate, grantedAccount, grantedEntity } from './auth.js';
import { apiErrorBody, requestId, sendApiError } from './errors.js';
import { applyChanges, LEVEL, parentOf, putItemSchemas, SINGULAR, type ItemResult, type Kind } from './mutation-apply.js';

/**
 * Updates: `PUT /v1/adaccounts/{id}/campaigns`, `PUT /v1/campaigns/{id}/adsquads`,
 * `PUT /v1/adsquads/{id}/ads` with full objects (`{"campaigns":[{…}]}`), and the newer partial
 * `PATCH /v1/{campaigns|adsquads|ads}/{id}`. Each item answers with its own `sub_request_status`;
 * a request where every item failed is a 400, otherwise a 200 whose items must each be read.
 * Every request that changed something is recorded as received.
 */
const idParams = z.object({ id: z.string().min(1) });

const PATCH_EDITABLE: Record<Kind, string[]> = {
  campaigns: ['name', 'status', 'daily_budget_micro', 'end_time', 'lifetime_spend_cap_micro'],
  adsquads: ['name', 'status', 'daily_budget_micro', 'end_time', 'bid_micro', 'lifetime_budget_micro'],
  ads: ['name', 'status'],
};
const IMMUTABLE = ['id', 'ad_account_id', 'campaign_id', 'ad_squad_id', 'objective', 'objective_v2_properties', 'type', 'buy_model', 'creative_id', 'created_at', 'updated_at', 'start_time'];

const LABEL: Record<Kind, string> = { campaigns: 'Campaign', adsquads: 'Ad squad', ads: 'Ad' };

function respond(world: World, prefix: string, req: FastifyRequest, reply: FastifyReply, kind: Kind, results: ItemResult[]) {
  const items = results.map((r) =>
    r.ok ? { sub_request_status: 'SUCCESS', [SINGULAR[kind]]: r.json } : { sub_request_status: 'ERROR', sub_request_error_reason: r.reason },
  );
  if (results.some((r) => r.ok)) {
    world.received.record('mutations', 'snapchat', { method: req.method, path: (req.url.split('?')[0] ?? '').slice(prefix.length), query: req.query, body: req.body });
    return reply.send({ request_status: 'SUCCESS', request_id: requestId(), [kind]: items });
  }
  const first = results.find((r): r is Extract<ItemResult, { ok: false }> => !r.ok);
  const { status, body } = apiErrorBody(first?.immutable ? 'immutable' : 'invalid', first?.reason ?? 'No item could be updated');
  return reply.status(status).send({ ...body, [kind]: items });
}

/** One PUT item: a full object of an entity under the path's parent. */
function putItem(world: World, account: WorldAccount, kind: Kind, raw: unknown, underParent: (e: WorldEntity) => boolean): ItemResult {
  const parsed = putItemSchemas[kind].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${issue.path.join('.') || SINGULAR[kind]}: ${issue.message}` };
  }
  const item = parsed.data;
  const id = String(item.id);
  const e = world.entity(account, LEVEL[kind], id);
  if (!e || !underParent(e)) return { ok: false, reason: `${LABEL[kind]} ${id} can not be found` };
  const [key, value] = parentOf(account, e);
  if (item[key] !== value) return { ok: false, reason: `${key} cannot be changed`, immutable: true };
  if (kind === 'adsquads' && e.level === 'ad_set' && e.dailyBudgetMinor !== null && item.daily_budget_micro == null && item.lifetime_budget_micro == null) {
    return { ok: false, reason: 'daily_budget_micro or lifetime_budget_micro is required' };
  }
  return applyChanges(world, account, kind, e, item);
}

function putBody(kind: Kind, body: unknown): unknown[] | string {
  const parsed = z.object({ [kind]: z.array(z.unknown()).min(1).max(500) }).safeParse(body);
  return parsed.success ? (parsed.data[kind] as unknown[]) : `The body must be {"${kind}": [ …1 to 500 ${SINGULAR[kind]} objects… ]}`;
}

export async function registerMutations(app: FastifyInstance, world: World, prefix: string): Promise<void> {
  app.put('/v1/adaccounts/:id/campaigns', async (req, reply) => {
    const grant = authenticate(world, req, reply);
    if (!grant) return reply;
    const account = grantedAccount(world, grant, idParams.parse(req.params).id, reply);
    if (!account) return reply;
    const items = putBody('campaigns', req.body);
    if (typeof items === 'string') return sendApiError(reply, 'invalid', items);
    return respond(world, prefix, req, reply, 'campaigns', items.map((it) => putItem(world, account, 'campaigns', it, () => true)));
  });

  const childPuts: Array<{ parent: 'campaigns' | 'adsquads'; kind: Kind }> = [
    { parent: 'campaigns', kind: 'adsquads' },
    { parent: 'adsquads', kind: 'ads' },
  ];
  for (const { parent, kind } of childPuts) {
    app.put(`/v1/${parent}/:id/${kind}`, async (req, reply) => {
      const grant = authenticate(world, req, reply);
      if (!grant) return reply;
      const parentId = idParams.parse(req.params).id;
      const found = grantedEntity(world, grant, parent === 'campaigns' ? 'campaign' : 'ad_set', parentId, reply);
      if (!found) return reply;
      const items = putBody(kind, req.body);
      if (typeof items === 'string') return sendApiError(reply, 'invalid', items);
      const under = (e: WorldEntity) => (e.level === 'ad_set' ? e.campaignId === parentId : e.level === 'ad' && e.adSetId === parentId);
      return respond(world, prefix, req, reply, kind, items.map((it) => putItem(world, found.account, kind, it, under)));
    });
  }

  for (const kind of ['campaigns', 'adsquads', 'ads'] as const) {
    app.patch(`/v1/${kind}/:id`, async (req, reply) => {
      const grant = authenticate(world, req, reply);
      if (!grant) return reply;
      const id = idParams.parse(req.params).id;
      const found = grantedEntity(world, grant, LEVEL[kind], id, reply);
      if (!found) return reply;
      const wrapped = z.object({ [kind]: z.array(z.record(z.string(), z.unknown())).length(1) }).safeParse(req.body);
      const bare = z.record(z.string(), z.unknown()).safeParse(req.body);
      const patch = wrapped.success ? (wrapped.data[kind] as Record<string, unknown>[])[0]! : bare.success ? bare.data : null;
      if (!patch || Object.keys(patch).length === 0) return sendApiError(reply, 'invalid', `The body must be an object of ${SINGULAR[kind]} attributes to change`);
      for (const key of Object.keys(patch)) {
        if (key === 'id' && patch.id === id) continue;
        if (IMMUTABLE.includes(key)) return sendApiError(reply, 'immutable', `${key} is immutable and cannot be changed with PATCH`);
        if (!PATCH_EDITABLE[kind].includes(key)) return sendApiError(reply, 'invalid', `${key} is not an editable ${SINGULAR[kind]} attribute`);
      }
      return respond(world, prefix, req, reply, kind, [applyChanges(world, found.account, kind, found.entity, patch)]);
    });
  }
}
