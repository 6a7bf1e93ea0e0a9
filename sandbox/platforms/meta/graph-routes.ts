import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { World } from '../../world/types.js';
import { listAdAccounts, listBusinesses, listPermissions, listPixels, renderAccount, renderPixel, renderUser } from './accounts.js';
import { authenticate, type Caller } from './auth.js';
import { receiveEvents } from './conversions.js';
import { listEntities } from './entities.js';
import { knownFields, QUIET, renderEntity, NODE_TYPE as ENTITY_TYPE } from './entity-fields.js';
import { graphErrors } from './errors.js';
import { checkFields, parseFields } from './fields.js';
import { insights } from './insights.js';
import { updateEntity } from './mutations.js';
import { NODE_TYPE, resolveNode, type GraphNode } from './nodes.js';
import { paramsOf, str } from './params.js';
import { datasetQuality } from './quality.js';
import { findRun, renderRun, runInsights, startRun } from './report-runs.js';
import { reportUsage } from './usage.js';

/** Graph's node and edge routes: `/{version}/{node}` and `/{version}/{node}/{edge}`, read, updated or posted to. */

type Params2 = { version: string; node: string; edge?: string };

function readNode(world: World, node: GraphNode, req: FastifyRequest, reply: FastifyReply): Record<string, unknown> {
  const fields = parseFields(str(paramsOf(req), 'fields'));
  switch (node.kind) {
    case 'account':
      reportUsage(reply, node.account.id, 'ads_management');
      return renderAccount(world, node.account, fields);
    case 'campaign':
    case 'adset':
    case 'ad':
      if (fields) checkFields(fields, knownFields(node.kind), ENTITY_TYPE[node.kind], QUIET);
      reportUsage(reply, node.account.id, 'ads_management');
      return renderEntity(node.kind, world, node.account, node.entity, fields);
    case 'pixel':
      return renderPixel(node.account, node.pixel, fields);
    case 'user':
      return renderUser(node.person, fields);
  }
}

function readEdge(world: World, caller: Caller, node: GraphNode, edge: string, req: FastifyRequest, reply: FastifyReply): Record<string, unknown> {
  if (node.kind === 'user') {
    if (edge === 'adaccounts') return listAdAccounts(world, caller, req);
    if (edge === 'businesses') return listBusinesses(world, caller);
    if (edge === 'permissions') return listPermissions(caller);
  } else if (node.kind !== 'pixel') {
    const account = node.account;
    if (edge === 'insights') {
      reportUsage(reply, account.id, 'ads_insights');
      return insights(world, node.kind === 'account' ? { kind: 'account', account } : { kind: node.kind, account, entity: node.entity }, req, paramsOf(req));
    }
    const parent = node.kind === 'campaign' || node.kind === 'adset' ? { kind: node.kind, id: node.entity.id } : null;
    const kinds: Record<typeof node.kind, string[]> = { account: ['campaigns', 'adsets', 'ads'], campaign: ['adsets', 'ads'], adset: ['ads'], ad: [] };
    if (kinds[node.kind].includes(edge)) {
      reportUsage(reply, account.id, 'ads_management');
      const kind = edge === 'campaigns' ? 'campaign' : edge === 'adsets' ? 'adset' : 'ad';
      return listEntities(world, account, kind, req, parent);
    }
    if (node.kind === 'account' && edge === 'adspixels') return listPixels(world, account, req);
  }
  throw graphErrors.nonexistingField(edge, NODE_TYPE[node.kind]);
}

export function registerGraphRoutes(app: FastifyInstance, world: World, prefix: string): void {
  app.addHook('preHandler', async (req) => {
    const version = (req.params as Partial<Params2> | undefined)?.version;
    if (version !== undefined && !/^v\d+\.0$/.test(version)) throw graphErrors.unknownPath(req.url.split('?')[0]!.slice(prefix.length));
  });

  app.get('/:version/dataset_quality', async (req) => datasetQuality(world, authenticate(req, world), req));

  app.get('/:version/:node', async (req, reply) => {
    const { node } = req.params as Params2;
    const caller = authenticate(req, world);
    const run = findRun(world, caller, node);
    if (run) return renderRun(run.run, run.account);
    return readNode(world, resolveNode(world, caller, node, 'GET'), req, reply);
  });

  app.get('/:version/:node/:edge', async (req, reply) => {
    const { node, edge } = req.params as Required<Params2>;
    const caller = authenticate(req, world);
    const run = findRun(world, caller, node);
    if (run) {
      if (edge !== 'insights') throw graphErrors.nonexistingField(edge, 'AdReportRun');
      reportUsage(reply, run.account.id, 'ads_insights');
      return runInsights(world, run.run, run.account, req, paramsOf(req));
    }
    return readEdge(world, caller, resolveNode(world, caller, node, 'GET'), edge, req, reply);
  });

  app.post('/:version/:node', async (req) => {
    const { node } = req.params as Params2;
    const caller = authenticate(req, world);
    const target = resolveNode(world, caller, node, 'POST');
    return updateEntity(world, caller, target, req, req.url.split('?')[0]!.slice(prefix.length));
  });

  app.post('/:version/:node/:edge', async (req, reply) => {
    const { node, edge } = req.params as Required<Params2>;
    const caller = authenticate(req, world);
    const target = resolveNode(world, caller, node, 'POST');
    if (edge === 'events' && target.kind === 'pixel') return receiveEvents(world, caller, target, req);
    if (edge === 'insights' && target.kind === 'account') {
      reportUsage(reply, target.account.id, 'ads_insights');
      return startRun(world, target.account, paramsOf(req));
    }
    throw graphErrors.unsupported('POST', `${node}/${edge}`);
  });
}
