import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { WorldError, type World } from '../../world/types.js';
import { parseBody } from './body.js';
import { adsError, at, invalid, partialFailureError, requestIdOf, versionOf, type AdsError } from './errors.js';
import { checkPayload, MUTABLE, prepareUpdate, type Prepared, type ServiceName } from './mutate-services.js';
import type { Customer } from './customers.js';
import { reach } from './auth.js';

/**
 * The mutate services (`campaignBudgets:mutate`, `campaigns:mutate`, `adGroups:mutate`,
 * `adGroupAds:mutate`) and `googleAds:mutate`. A request is all-or-nothing unless
 * `partialFailure` is set; `validateOnly` checks without changing anything. Each request that
 * changed something is recorded as received.
 */
const operation = z
  .object({
    update: z.object({ resourceName: z.string().optional() }).loose().optional(),
    updateMask: z.string().optional(),
    create: z.record(z.string(), z.unknown()).optional(),
    remove: z.string().optional(),
  })
  .strict();
type Operation = z.infer<typeof operation>;

const common = {
  partialFailure: z.boolean().optional(),
  validateOnly: z.boolean().optional(),
  responseContentType: z.enum(['UNSPECIFIED', 'RESOURCE_NAME_ONLY', 'MUTABLE_RESOURCE']).optional(),
};

const serviceBody = z.object({ customerId: z.string().optional(), operations: z.array(operation), ...common }).strict();

const KEYS = { campaignBudgetOperation: 'campaignBudget', campaignOperation: 'campaign', adGroupOperation: 'adGroup', adGroupAdOperation: 'adGroupAd' } as const;
const googleAdsBody = z
  .object({
    customerId: z.string().optional(),
    mutateOperations: z.array(z.object({ campaignBudgetOperation: operation.optional(), campaignOperation: operation.optional(), adGroupOperation: operation.optional(), adGroupAdOperation: operation.optional() }).strict()),
    ...common,
  })
  .strict();

export const SERVICE_CALLS: Record<string, ServiceName> = {
  'campaignBudgets:mutate': 'campaignBudget',
  'campaigns:mutate': 'campaign',
  'adGroups:mutate': 'adGroup',
  'adGroupAds:mutate': 'adGroupAd',
};

interface Item {
  service: ServiceName;
  op: Operation;
  loc: Array<string | number>;
}

/** The path as the API host saw it (after the sandbox's host prefix), e.g. `/v23/customers/1/campaigns:mutate`. */
const apiPath = (url: string): string => url.slice(Math.max(0, url.search(/\/v\d+\//))).split('?')[0]!;

const snake = (s: string) => s.trim().replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function prepare(world: World, req: FastifyRequest, account: Parameters<typeof prepareUpdate>[1]['account'], item: Item): Prepared | AdsError[] {
  const { op, loc, service } = item;
  if (op.create) return [adsError('operationAccessDeniedError', 'CREATE_OPERATION_NOT_PERMITTED', 'The sandbox does not create resources; only update operations are served.', at(...loc, 'create'))];
  if (op.remove) return [adsError('operationAccessDeniedError', 'REMOVE_OPERATION_NOT_PERMITTED', 'The sandbox does not remove resources; pause them with an update instead.', at(...loc, 'remove'))];
  if (!op.update) return [adsError('fieldError', 'REQUIRED', 'The operation has no update.', at(...loc))];
  if (!op.updateMask?.trim()) return [adsError('fieldMaskError', 'FIELD_MASK_MISSING', 'The field mask must be set for update operations.', at(...loc, 'update_mask'))];
  const mask = op.updateMask.split(',').map(snake).filter((p) => p && p !== 'resource_name');
  const unknown = mask.find((p) => !MUTABLE[service].includes(p));
  if (unknown) return [adsError('fieldMaskError', 'FIELD_NOT_FOUND', `The field mask names a field that does not exist or that the sandbox does not change: '${unknown}'.`, at(...loc, 'update_mask'), unknown)];
  return prepareUpdate(service, { world, account, version: versionOf(req.url), loc }, op.update, mask);
}

function worldError(e: unknown, loc: Item['loc']): AdsError {
  if (e instanceof WorldError && e.code === 'not_found') return adsError('mutateError', 'RESOURCE_NOT_FOUND', e.message, at(...loc, 'update', 'resource_name'));
  if (e instanceof WorldError) return adsError('fieldError', 'INVALID_VALUE', e.message, at(...loc, 'update'));
  throw e;
}

/** Runs the operations; answers each with its result (or `{}` where a partial-failure operation failed). */
function run(world: World, req: FastifyRequest, reply: FastifyReply, account: Customer, items: Item[], opts: z.infer<z.ZodObject<typeof common>>) {
  const customerId = account.id;
  if (account.kind !== 'client') throw invalid(adsError('operationAccessDeniedError', 'OPERATION_NOT_PERMITTED_FOR_CONTEXT', 'A manager account has no campaigns to change.'));
  if (items.length === 0) throw invalid(adsError('fieldError', 'REQUIRED', 'The request has no operations.', at('operations')));
  if (items.length > 10_000) throw invalid(adsError('mutateError', 'TOO_MANY_MUTATE_OPERATIONS', 'Too many operations in one request (at most 10,000).', at('operations')));
  for (const item of items) if (item.op.update) checkPayload(item.service, item.op.update, item.loc, versionOf(req.url));
  const errors: AdsError[] = [];
  const prepared = items.map((item) => {
    const p = prepare(world, req, account.account, item);
    if (Array.isArray(p)) {
      errors.push(...p);
      return null;
    }
    return p;
  });
  if (!opts.partialFailure && errors.length > 0) throw invalid(...errors);
  if (!opts.validateOnly) {
    const applied: Prepared[] = [];
    prepared.forEach((p, i) => {
      if (!p) return;
      try {
        p.apply();
        applied.push(p);
      } catch (e) {
        const err = worldError(e, items[i]!.loc);
        if (!opts.partialFailure) {
          for (const done of applied.reverse()) done.undo();
          throw invalid(err);
        }
        errors.push(err);
        prepared[i] = null;
      }
    });
    if (applied.length > 0) {
      world.received.record('mutations', 'google', { method: req.method, path: apiPath(req.url), query: req.query, body: req.body, customer_id: customerId });
    }
  }
  const failure = errors.length > 0 ? { partialFailureError: partialFailureError(versionOf(req.url), errors, requestIdOf(reply)) } : {};
  return { prepared, failure, mutable: opts.responseContentType === 'MUTABLE_RESOURCE', validateOnly: !!opts.validateOnly };
}

export function serviceMutateHandler(world: World, service: ServiceName) {
  return async (req: FastifyRequest<{ Params: { cid: string } }>, reply: FastifyReply) => {
    const customer = reach(req, world, req.params.cid);
    const body = parseBody(serviceBody, req.body);
    const items = body.operations.map((op, i) => ({ service, op, loc: ['operations', i] }));
    const out = run(world, req, reply, customer, items, body);
    if (out.validateOnly) return reply.send({ ...out.failure });
    const results = out.prepared.map((p) => (p ? { resourceName: p.resourceName, ...(out.mutable ? { [service]: p.resource() } : {}) } : {}));
    return reply.send({ ...out.failure, results });
  };
}

export function googleAdsMutateHandler(world: World) {
  return async (req: FastifyRequest<{ Params: { cid: string } }>, reply: FastifyReply) => {
    const customer = reach(req, world, req.params.cid);
    const body = parseBody(googleAdsBody, req.body);
    const items: Item[] = [];
    body.mutateOperations.forEach((mo, i) => {
      const keys = Object.keys(mo) as Array<keyof typeof KEYS>;
      if (keys.length !== 1) throw invalid(adsError('requestError', 'BAD_RESOURCE_ID', 'Each mutate operation must hold exactly one operation.', at('mutate_operations', i)));
      const key = keys[0]!;
      items.push({ service: KEYS[key], op: mo[key]!, loc: ['mutate_operations', i, snake(key)] });
    });
    const out = run(world, req, reply, customer, items, body);
    if (out.validateOnly) return reply.send({ ...out.failure });
    const responses = out.prepared.map((p, i) => {
      if (!p) return {};
      const service = items[i]!.service;
      return { [`${service}Result`]: { resourceName: p.resourceName, ...(out.mutable ? { [service]: p.resource() } : {}) } };
    });
    return reply.send({ ...out.failure, mutateOperationResponses: responses });
  };
}
