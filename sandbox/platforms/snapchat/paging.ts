import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * Snap's pagination: `limit` 50–1000, and `paging.next_link`, an absolute URL carrying an opaque
 * `cursor`. Without `limit` a list answers in one response. Cursors are signed and bound to the
 * list they came from, so a tampered or transplanted cursor is refused.
 */
export const MIN_LIMIT = 50;
export const MAX_LIMIT = 1000;

const SECRET = randomBytes(32);

const payloadSchema = z.object({ s: z.string(), o: z.number().int().min(0), l: z.number().int().min(MIN_LIMIT).max(MAX_LIMIT) });

const sign = (body: string) => createHmac('sha256', SECRET).update(body).digest().subarray(0, 12).toString('base64url');

export function encodeCursor(scope: string, offset: number, limit: number): string {
  const body = Buffer.from(JSON.stringify({ s: scope, o: offset, l: limit })).toString('base64url');
  return `${body}.${sign(body)}`;
}

function decodeCursor(cursor: string, scope: string): { offset: number; limit: number } | null {
  const [body, mac] = cursor.split('.');
  if (!body || !mac) return null;
  const want = Buffer.from(sign(body));
  const got = Buffer.from(mac);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  try {
    const p = payloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return p.success && p.data.s === scope ? { offset: p.data.o, limit: p.data.l } : null;
  } catch {
    return null;
  }
}

export type PageRequest = { offset: number; limit: number | null };

/** Reads `limit` and `cursor`; an error message when either is unacceptable. */
export function readPage(query: Record<string, unknown>, scope: string): PageRequest | { error: string } {
  const rawLimit = query.limit;
  let limit: number | null = null;
  if (rawLimit !== undefined) {
    const n = typeof rawLimit === 'string' && /^\d+$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(n >= MIN_LIMIT && n <= MAX_LIMIT)) return { error: `limit must be an integer between ${MIN_LIMIT} and ${MAX_LIMIT}` };
    limit = n;
  }
  const cursor = query.cursor;
  if (cursor === undefined) return { offset: 0, limit };
  const decoded = typeof cursor === 'string' ? decodeCursor(cursor, scope) : null;
  if (!decoded) return { error: 'Invalid cursor' };
  return { offset: decoded.offset, limit: limit ?? decoded.limit };
}

/** The absolute next-page URL: this request's URL with a new cursor, other parameters kept. */
export function nextLink(req: FastifyRequest, scope: string, offset: number, limit: number): string {
  const origin = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
  const url = new URL(req.url, origin);
  url.searchParams.delete('cursor');
  url.searchParams.delete('limit');
  url.searchParams.set('cursor', encodeCursor(scope, offset, limit));
  url.searchParams.set('limit', String(limit));
  return url.toString();
}
