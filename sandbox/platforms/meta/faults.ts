import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FaultRule, World } from '../../world/types.js';
import { presentedToken } from './auth.js';
import { GraphError, graphErrors } from './errors.js';
import { accountOfId } from './nodes.js';
import { usageHeaders, type UseCase } from './usage.js';

/**
 * Injected faults, rendered the way Graph fails. The draw happens in preHandler rather than
 * onRequest so a token sent in a form or JSON body is known (revoked_token and expired_token
 * act on the token presented, so later calls fail too, as they would on Meta).
 */

const malformed = new WeakSet<FastifyRequest>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The ad account a request is about: named in the path, or owning the entity or pixel it names. */
function touchedAccount(world: World, path: string, token: string | undefined): string | null {
  const check = token ? world.tokens.check('meta', token, 'access') : null;
  const candidates = check?.ok ? check.grant.accountIds.flatMap((id) => world.account('meta', id) ?? []) : [];
  for (const seg of path.split('/')) {
    if (/^act_\d+$/.test(seg) || /^\d{6,}$/.test(seg)) {
      const account = accountOfId(world, seg, candidates);
      if (account) return account.id;
    }
  }
  return null;
}

function throttle(world: World, rule: FaultRule, path: string, token: string | undefined): GraphError {
  const accountId = touchedAccount(world, path, token);
  const minutes = Math.max(1, Math.ceil(rule.delayMs / 60_000));
  const insights = path.includes('/insights');
  const useCase: UseCase = insights ? 'ads_insights' : 'ads_management';
  const headers = usageHeaders(accountId, useCase, { minutes });
  if (accountId === null) {
    return new GraphError(17, '(#17) User request limit reached', { subcode: 2446079, transient: true, headers });
  }
  const code = insights ? 80000 : 80004;
  return new GraphError(code, `(#${code}) There have been too many calls to this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting#ads-management.`, {
    subcode: 2446079,
    transient: true,
    headers,
  });
}

export function installFaults(app: FastifyInstance, world: World, prefix: string): void {
  app.addHook('preHandler', async (req) => {
    const path = req.url.split('?')[0]!.slice(prefix.length) || '/';
    const rule = world.faults.draw('meta', path);
    if (!rule) return;
    const token = presentedToken(req);
    switch (rule.kind) {
      case 'slow':
        await sleep(rule.delayMs);
        return;
      case 'malformed':
        malformed.add(req);
        return;
      case 'rate_limit':
        throw throttle(world, rule, path, token);
      case 'server_error':
        throw new GraphError(2, 'An unexpected error has occurred. Please retry your request later.', { status: 500, transient: true });
      case 'expired_token':
        if (token) world.tokens.expireNow('meta', token);
        throw graphErrors.expiredToken(world.now(), world.now());
      case 'revoked_token':
        if (token) world.tokens.revoke('meta', token);
        throw graphErrors.passwordChanged();
    }
  });
  // A malformed answer is the real one cut in half, still labelled JSON and 200 OK.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!malformed.has(req) || typeof payload !== 'string') return payload;
    reply.status(200);
    return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
  });
}
