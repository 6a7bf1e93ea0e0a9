import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { World } from '../../world/types.js';
import { Code, sendError } from './errors.js';

/**
 * Injected faults, rendered TikTok's way: everything stays HTTP 200 with the error in the
 * envelope, as the Marketing API does for throttling (40100), token problems (40102 / 40105)
 * and server trouble (50000). `slow` delays and then serves normally; `malformed` serves the
 * real answer cut in half, so the client sees broken JSON with status 200.
 * The consent page (`/portal/…`) is a web page, not the API, and never faults.
 */
export function installFaults(app: FastifyInstance, world: World, prefix: string): void {
  const cut = new WeakSet<FastifyRequest>();

  app.addHook('onRequest', async (req, reply) => {
    const path = (req.url.split('?')[0] ?? '').slice(prefix.length) || '/';
    if (path.startsWith('/portal/')) return;
    const rule = world.faults.draw('tiktok', path);
    if (!rule) return;
    switch (rule.kind) {
      case 'slow':
        await sleep(rule.delayMs);
        return;
      case 'malformed':
        cut.add(req);
        return;
      case 'rate_limit':
        return sendError(reply, Code.RATE_LIMITED, 'Too many requests. Please retry in some time.');
      case 'server_error':
        return sendError(reply, Code.SYSTEM_ERROR, 'System error. Please try again later.');
      case 'expired_token':
        return sendError(reply, Code.TOKEN_EXPIRED, 'Access token has expired. Please re-authorize.');
      case 'revoked_token':
        return sendError(reply, Code.TOKEN_INVALID, 'Access token is incorrect or has been revoked.');
    }
  });

  app.addHook('onSend', async (req, _reply, payload) => {
    if (!cut.has(req) || typeof payload !== 'string') return payload;
    return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
  });
}
