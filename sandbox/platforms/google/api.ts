import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { traceId } from '../../ids.js';
import type { World } from '../../world/types.js';
import { authenticate } from './auth.js';
import { uploadClickConversionsHandler } from './conversions.js';
import { accessibleCustomerIds } from './customers.js';
import { adsError, badPayload, GoogleAdsFault, sendFault } from './errors.js';
import { installApiFaults } from './faults.js';
import { googleAdsMutateHandler, SERVICE_CALLS, serviceMutateHandler } from './mutations.js';
import { searchHandler, searchStreamHandler } from './search.js';

/**
 * googleads.googleapis.com: `GET /v{N}/customers:listAccessibleCustomers` and the POST methods
 * under `/v{N}/customers/{customerId}` (GoogleAdsService search, searchStream and mutate, the
 * per-resource mutate services, uploadClickConversions). Any `v{N}` is served. Every answer
 * carries a `request-id` header.
 */
const VERSION = /^v\d+$/;

type Handler = (req: FastifyRequest<{ Params: { cid: string } }>, reply: FastifyReply) => Promise<unknown>;

export async function registerAdsApi(app: FastifyInstance, world: World, prefix: string): Promise<void> {
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('request-id', traceId(16));
  });
  installApiFaults(app, world, prefix);
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof GoogleAdsFault) return sendFault(req, reply, err);
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      return sendFault(req, reply, badPayload(`Invalid JSON payload received. ${err.message}`));
    }
    req.log.error(err);
    return sendFault(req, reply, new GoogleAdsFault('INTERNAL', [adsError('internalError', 'INTERNAL_ERROR', 'An internal error has occurred.')]));
  });

  app.get<{ Params: { version: string; call: string } }>('/:version/:call', async (req, reply) => {
    if (!VERSION.test(req.params.version) || req.params.call !== 'customers:listAccessibleCustomers') return reply.callNotFound();
    const grant = authenticate(req, world);
    const ids = accessibleCustomerIds(world, grant);
    // Proto3 JSON leaves an empty list out.
    return reply.send(ids.length > 0 ? { resourceNames: ids.map((id) => `customers/${id}`) } : {});
  });

  const upload = uploadClickConversionsHandler(world);
  app.post<{ Params: { version: string; target: string } }>('/:version/customers/:target', async (req, reply) => {
    const m = /^(\d+|[^:]+):uploadClickConversions$/.exec(req.params.target);
    if (!VERSION.test(req.params.version) || !m) return reply.callNotFound();
    return upload(req, reply, m[1]!);
  });

  const calls: Record<string, Handler> = {
    'googleAds:search': searchHandler(world),
    'googleAds:searchStream': searchStreamHandler(world),
    'googleAds:mutate': googleAdsMutateHandler(world),
  };
  for (const [call, service] of Object.entries(SERVICE_CALLS)) calls[call] = serviceMutateHandler(world, service);
  app.post<{ Params: { version: string; cid: string; call: string } }>('/:version/customers/:cid/:call', async (req, reply) => {
    const handler = calls[req.params.call];
    if (!VERSION.test(req.params.version) || !handler) return reply.callNotFound();
    return handler(req, reply);
  });
}
