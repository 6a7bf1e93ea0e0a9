import type { FastifyRequest } from 'fastify';
import type { RequestMeta } from '../capture/record-lead.js';

/** Who is asking, as domain functions need it: IP, user agent, first-party cookies, and the time. */
export function requestMeta(req: FastifyRequest, now = new Date()): RequestMeta {
  return {
    ip: req.ip || null,
    userAgent: req.headers['user-agent']?.slice(0, 1000) ?? null,
    cookies: req.cookies ?? {},
    now,
  };
}
