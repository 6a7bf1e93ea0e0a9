import type { FastifyInstance } from 'fastify';
import { envelope } from '../errors.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A route that must take a form posted from another site (an identity provider's
     * form_post answer). It has to protect itself: single-use state bound to the browser.
     */
    crossSiteForm?: boolean;
  }
}

/**
 * Cross-site request forgery protection by origin (OWASP's "verify the origin with standard
 * headers"): a browser always says where a state-changing request comes from, so one from
 * another site is refused. Session cookies are also SameSite=Lax. Non-browser clients send
 * neither header and carry no cookies of ours, so they are not at risk and pass.
 */
export function installCsrfProtection(app: FastifyInstance, publicUrl: string): void {
  const allowed = new Set([new URL(publicUrl).origin]);
  app.addHook('onRequest', async (req, reply) => {
    if (!UNSAFE.has(req.method) || req.routeOptions.config?.crossSiteForm === true) return;
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    const sameHost = origin ? safeOrigin(origin) === `${req.protocol}://${req.headers.host ?? ''}` : false;
    if (site === 'cross-site' || (origin && origin !== 'null' && !allowed.has(origin) && !sameHost)) {
      return reply.status(403).send(envelope('FORBIDDEN', 'Cross-site request refused', { reason: 'CSRF' }));
    }
  });
}

function safeOrigin(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
