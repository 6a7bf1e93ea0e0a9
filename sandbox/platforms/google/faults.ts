import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultRule, World } from '../../world/types.js';
import { bearerOf, revokeGrant, unauthenticated } from './auth.js';
import { adsError, GoogleAdsFault, sendFault } from './errors.js';

/**
 * Injected faults, rendered the way Google Ads answers them: 429 RESOURCE_EXHAUSTED with a
 * quotaError and a retry delay (QuotaErrorDetails and google.rpc.RetryInfo), 500 INTERNAL or
 * 503 UNAVAILABLE, 401 for an expired or revoked token (which the world then treats as such),
 * extra latency, or a 200 whose JSON body is cut short.
 */
const serverErrors = new WeakMap<World, number>();

export function retryDelay(rule: FaultRule): string {
  return rule.delayMs > 0 ? `${(rule.delayMs / 1000).toFixed(3).replace(/\.?0+$/, '')}s` : '1s';
}

export function rateLimited(rule: FaultRule): GoogleAdsFault {
  const delay = retryDelay(rule);
  const error = adsError('quotaError', 'RESOURCE_TEMPORARILY_EXHAUSTED', `Too many requests. Retry in ${delay.replace('s', '')} seconds.`);
  error.details = { quotaErrorDetails: { rateScope: 'ACCOUNT', rateName: 'Requests per account', retryDelay: delay } };
  return new GoogleAdsFault('RESOURCE_EXHAUSTED', [error], undefined, [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: delay }]);
}

function serverError(world: World): GoogleAdsFault {
  const n = (serverErrors.get(world) ?? 0) + 1;
  serverErrors.set(world, n);
  return n % 2 === 1
    ? new GoogleAdsFault('INTERNAL', [adsError('internalError', 'INTERNAL_ERROR', 'An internal error has occurred.')])
    : new GoogleAdsFault('UNAVAILABLE', [adsError('internalError', 'TRANSIENT_ERROR', 'The service is currently unavailable. Please retry.')]);
}

/** Half of a body: syntactically broken JSON, as a connection cut mid-page would leave it. */
export function truncate(payload: unknown): unknown {
  if (typeof payload === 'string') return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
  if (Buffer.isBuffer(payload)) return payload.subarray(0, Math.max(1, Math.floor(payload.length / 2)));
  if (payload instanceof Readable) {
    return Readable.from(
      (async function* () {
        for await (const chunk of payload) {
          const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
          yield buf.subarray(0, Math.max(1, Math.floor(buf.length / 2)));
          break;
        }
        payload.destroy();
      })(),
    );
  }
  return '{"results":[';
}

/** On the API host: one draw per request, before anything else runs. */
export function installApiFaults(app: FastifyInstance, world: World, prefix: string): void {
  const malformed = new WeakSet<FastifyRequest>();
  app.addHook('onRequest', async (req, reply) => {
    const rule = world.faults.draw('google', req.url.slice(prefix.length).split('?')[0] || '/');
    if (!rule) return;
    switch (rule.kind) {
      case 'slow':
        await sleep(rule.delayMs);
        return;
      case 'malformed':
        malformed.add(req);
        return;
      case 'rate_limit':
        return sendFault(req, reply, rateLimited(rule));
      case 'server_error':
        return sendFault(req, reply, serverError(world));
      case 'expired_token': {
        const token = bearerOf(req);
        if (token) world.tokens.expireNow('google', token);
        return sendFault(req, reply, unauthenticated('OAUTH_TOKEN_EXPIRED', 'Authentication of the request failed. The OAuth token has expired.'));
      }
      case 'revoked_token': {
        const token = bearerOf(req);
        if (token) revokeGrant(world, token);
        return sendFault(req, reply, unauthenticated('OAUTH_TOKEN_REVOKED', 'Authentication of the request failed. The OAuth token has been revoked.'));
      }
    }
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (!malformed.has(req)) return payload;
    reply.code(200);
    return truncate(payload);
  });
}

/**
 * On the token and revoke endpoints, faults come back in OAuth's own shape. Returns the reply
 * when a fault answered the request; null to go on (after any added latency).
 */
export async function oauthFault(world: World, path: string, reply: FastifyReply, onRevoke: () => void): Promise<FastifyReply | null> {
  const rule = world.faults.draw('google', path);
  if (!rule) return null;
  const json = (status: number, body: string) => reply.status(status).type('application/json; charset=utf-8').send(body);
  switch (rule.kind) {
    case 'slow':
      await sleep(rule.delayMs);
      return null;
    case 'malformed':
      return json(200, '{\n  "access_token": "ya29.');
    case 'rate_limit':
      return json(429, JSON.stringify({ error: 'rate_limit_exceeded', error_description: 'Rate Limit Exceeded' }));
    case 'server_error':
      return json(500, JSON.stringify({ error: 'internal_failure', error_description: 'Backend Error' }));
    case 'revoked_token':
      onRevoke();
      return json(400, JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }));
    case 'expired_token':
      return json(400, JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }));
  }
}
