import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { accountReport } from './report.js';
import { accountBody, accountParams, entitiesQuery, faultBody, kindParams, platformQuery, reportQuery, tokenBody } from './routes-schemas.js';
import { WorldError, type AdPlatformId, type World, type WorldAccount } from './types.js';
import { accountView, faultView } from './views.js';

/** A control-route failure in the sandbox's own envelope `{error:{code,message,details}}`. */
class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new ControlError(400, 'invalid_request', `Invalid ${what}`, result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

function accountOr404(world: World, platform: AdPlatformId, id: string): WorldAccount {
  const account = world.account(platform, id);
  if (!account) throw new ControlError(404, 'not_found', `No ${platform} account ${id} in the sandbox`);
  return account;
}

/**
 * The sandbox's own routes over the world (not part of any imitated API): faults to inject, what
 * the imitations received, the accounts and people, token tricks, and the world's true numbers.
 */
export async function registerWorldRoutes(app: FastifyInstance, world: World): Promise<void> {
  await app.register(async (scope) => {
    scope.setErrorHandler((err, _req, reply: FastifyReply) => {
      if (err instanceof ControlError) return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
      if (err instanceof WorldError) return reply.status(err.code === 'not_found' ? 404 : 400).send({ error: { code: err.code === 'not_found' ? 'not_found' : 'invalid_request', message: err.message, details: null } });
      const status = (err as { statusCode?: number }).statusCode ?? 500;
      if (status < 500) return reply.status(status).send({ error: { code: 'invalid_request', message: (err as Error).message, details: null } });
      scope.log.error(err);
      return reply.status(500).send({ error: { code: 'internal', message: 'The sandbox failed to answer', details: null } });
    });

    scope.post('/_sandbox/faults', async (req, reply) => {
      const b = parse(faultBody, req.body, 'fault rule');
      const rule = world.faults.add({ platform: b.platform, kind: b.kind, probability: b.probability, count: b.count ?? null, delayMs: b.delay_ms ?? (b.kind === 'slow' ? 2000 : 0), pathPrefix: b.path_prefix ?? null });
      return reply.status(201).send(faultView(rule));
    });
    scope.get('/_sandbox/faults', async (req) => world.faults.list(parse(platformQuery, req.query, 'query').platform).map(faultView));
    scope.delete('/_sandbox/faults', async (req) => {
      const { platform } = parse(platformQuery, req.query, 'query');
      const cleared = world.faults.list(platform).length;
      world.faults.clear(platform);
      return { ok: true, cleared };
    });

    scope.get('/_sandbox/inspect/:kind', async (req) => {
      const { kind } = parse(kindParams, req.params, 'path');
      return world.received.list(kind, parse(platformQuery, req.query, 'query').platform);
    });
    scope.delete('/_sandbox/inspect/:kind', async (req) => {
      const { kind } = parse(kindParams, req.params, 'path');
      const { platform } = parse(platformQuery, req.query, 'query');
      const cleared = world.received.list(kind, platform).length;
      world.received.clear(kind, platform);
      return { ok: true, cleared };
    });

    scope.get('/_sandbox/people', async () => world.people);
    scope.get('/_sandbox/accounts', async (req) => {
      const { platform } = parse(platformQuery, req.query, 'query');
      const platforms: AdPlatformId[] = platform ? [platform] : ['meta', 'google', 'tiktok', 'snapchat'];
      return platforms.flatMap((p) => world.accounts(p).map((a) => accountView(world, a)));
    });
    scope.post('/_sandbox/accounts', async (req, reply) => {
      const b = parse(accountBody, req.body, 'account');
      const account = world.addAccount({
        platform: b.platform, name: b.name, business: b.business ?? b.name, currency: b.currency, timeZone: b.time_zone, ownerIds: [b.owner],
        size: { campaigns: b.campaigns, adSetsPerCampaign: b.ad_sets_per_campaign, adsPerAdSet: b.ads_per_ad_set },
        ...(b.seed !== undefined ? { seed: b.seed } : {}), ...(b.id ? { id: b.id } : {}), ...(b.start_date ? { startDate: b.start_date } : {}),
      });
      return reply.status(201).send(accountView(world, account));
    });
    scope.get('/_sandbox/accounts/:platform/:id', async (req) => {
      const { platform, id } = parse(accountParams, req.params, 'path');
      const account = accountOr404(world, platform, id);
      return { ...accountView(world, account), pixels: world.pixels(account), anomalies: world.anomalies?.(account) ?? [] };
    });
    scope.get('/_sandbox/accounts/:platform/:id/entities', async (req) => {
      const { platform, id } = parse(accountParams, req.params, 'path');
      const { level } = parse(entitiesQuery, req.query, 'query');
      const account = accountOr404(world, platform, id);
      return level === 'campaign' ? world.campaigns(account) : level === 'ad_set' ? world.adSets(account) : world.ads(account);
    });
    scope.get('/_sandbox/accounts/:platform/:id/report', async (req) => {
      const { platform, id } = parse(accountParams, req.params, 'path');
      const q = parse(reportQuery, req.query, 'query');
      return accountReport(world, accountOr404(world, platform, id), q);
    });

    for (const action of ['expire', 'revoke'] as const) {
      scope.post(`/_sandbox/tokens/${action}`, async (req, reply) => {
        const { platform, token } = parse(tokenBody, req.body, 'token');
        const done = action === 'expire' ? world.tokens.expireNow(platform, token) : world.tokens.revokeFamily(platform, token) > 0 || world.tokens.revoke(platform, token);
        if (!done) return reply.status(404).send({ error: { code: 'not_found', message: `No ${platform} token like that was issued`, details: null } });
        return { ok: true };
      });
    }
  });
}
