import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultKind, World } from '../../world/types.js';

/**
 * Fault injection for one Snapchat host. Each host renders faults in its own dialect; `slow`
 * delays and then serves normally; `malformed` serves normally and then cuts the body in half
 * with status 200 (a truncated page is what a dropped connection looks like to a client).
 */
export interface FaultRenderer {
  /** Which requests take part (the consent page does not). */
  applies(req: FastifyRequest): boolean;
  /** The token the request carries, so expired/revoked faults can change it in the world. */
  token(req: FastifyRequest): string | null;
  send(reply: FastifyReply, kind: Exclude<FaultKind, 'slow' | 'malformed'>): FastifyReply;
}

const malformed = new WeakSet<FastifyRequest>();

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function bodyText(payload: unknown): Promise<string> {
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  if (payload instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const c of payload) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
    return Buffer.concat(chunks).toString('utf8');
  }
  return payload === null || payload === undefined ? '' : JSON.stringify(payload);
}

/**
 * @param hook `onRequest` where the token is in headers or query; `preValidation` where it is in
 *   the form body (the token endpoint), so a revoked fault can revoke what was presented.
 */
export function installFaults(app: FastifyInstance, world: World, prefix: string, renderer: FaultRenderer, hook: 'onRequest' | 'preValidation' = 'onRequest'): void {
  app.addHook(hook, async (req, reply) => {
    if (!renderer.applies(req)) return;
    const path = (req.url.split('?')[0] ?? '').slice(prefix.length) || '/';
    const rule = world.faults.draw('snapchat', path);
    if (!rule) return;
    switch (rule.kind) {
      case 'slow':
        await sleep(rule.delayMs);
        return;
      case 'malformed':
        malformed.add(req);
        return;
      case 'expired_token':
      case 'revoked_token': {
        const token = renderer.token(req);
        if (token) {
          if (rule.kind === 'revoked_token') world.tokens.revokeFamily('snapchat', token);
          else world.tokens.expireNow('snapchat', token);
        }
        return renderer.send(reply, rule.kind);
      }
      default:
        return renderer.send(reply, rule.kind);
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!malformed.has(req)) return payload;
    malformed.delete(req);
    const text = await bodyText(payload);
    reply.status(200).type('application/json; charset=utf-8');
    reply.removeHeader('content-length');
    return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  });
}
