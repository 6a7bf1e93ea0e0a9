import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * True when the request carries Stratum's operator token (`Authorization: Bearer …`).
 * Both sides are hashed first so the comparison takes the same time whatever the lengths.
 */
export function hasOperatorToken(req: FastifyRequest, configured: string | null): boolean {
  if (!configured) return false;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m !== null && timingSafeEqual(digest(m[1]!), digest(configured));
}
