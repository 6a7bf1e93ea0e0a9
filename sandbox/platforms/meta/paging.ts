import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { graphErrors } from './errors.js';
import { str, type Params } from './params.js';

/**
 * Graph's cursor paging over a positional source. A cursor is an opaque, MAC-signed position
 * bound to the listing it came from (edge + filters), so a tampered or foreign cursor is refused
 * with Graph's "Invalid cursors values" error; a page costs O(page size + skipped positions).
 */
const KEY = randomBytes(32);
/** How far past a full page we look for one more row before promising a `next` page anyway. */
const LOOKAHEAD = 2_000;

const tagOf = (scope: string): string => createHash('sha256').update(scope).digest('base64url').slice(0, 8);
const macOf = (payload: string): string => createHmac('sha256', KEY).update(payload).digest('base64url').slice(0, 16);

export function encodeCursor(scope: string, pos: number): string {
  const payload = `${pos}:${tagOf(scope)}`;
  return Buffer.from(`${payload}:${macOf(payload)}`).toString('base64url');
}

export function decodeCursor(scope: string, cursor: string): number {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (parts.length !== 3) throw graphErrors.invalidCursor();
  const [pos, tag, mac] = parts as [string, string, string];
  const expected = Buffer.from(macOf(`${pos}:${tag}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || tag !== tagOf(scope) || !/^\d+$/.test(pos)) {
    throw graphErrors.invalidCursor();
  }
  return Number(pos);
}

/** Positions 0..size-1; `at` yields the item at a position, or undefined when it is filtered out. */
export interface Source<T> {
  size: number;
  at(pos: number): T | undefined;
}

export interface Page<T> {
  items: T[];
  first: number;
  last: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

export function readPage<T>(src: Source<T>, p: Params, scope: string, limit: number): Page<T> {
  const after = str(p, 'after');
  const before = str(p, 'before');
  const items: T[] = [];
  const positions: number[] = [];
  if (before !== undefined && after === undefined) {
    const end = decodeCursor(scope, before);
    let pos = Math.min(end, src.size) - 1;
    for (; pos >= 0 && items.length < limit; pos--) {
      const it = src.at(pos);
      if (it !== undefined) {
        items.unshift(it);
        positions.unshift(pos);
      }
    }
    return { items, first: positions[0] ?? end, last: positions[positions.length - 1] ?? end, hasNext: true, hasPrevious: pos >= 0 };
  }
  const start = after !== undefined ? decodeCursor(scope, after) + 1 : 0;
  let pos = start;
  for (; pos < src.size && items.length < limit; pos++) {
    const it = src.at(pos);
    if (it !== undefined) {
      items.push(it);
      positions.push(pos);
    }
  }
  let hasNext = false;
  for (let probe = pos; probe < src.size; probe++) {
    if (probe - pos >= LOOKAHEAD || src.at(probe) !== undefined) {
      hasNext = true;
      break;
    }
  }
  return { items, first: positions[0] ?? start, last: positions[positions.length - 1] ?? start, hasNext, hasPrevious: start > 0 };
}

/** The absolute URL of this request with the paging parameters replaced, as Graph builds `paging.next`. */
export function pageUrl(req: FastifyRequest, set: Record<string, string>): string {
  const url = new URL(req.url, `${req.protocol}://${req.headers.host ?? 'localhost'}`);
  const q = url.searchParams;
  q.delete('after');
  q.delete('before');
  const body = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && !q.has(k) && k !== 'after' && k !== 'before') q.set(k, v);
  for (const [k, v] of Object.entries(set)) q.set(k, v);
  return url.toString();
}

/** `{data, paging}` in Graph's shape; `paging` is left out of an empty answer, `next` out of the last page. */
export function pageBody<T>(req: FastifyRequest, page: Page<T>, scope: string, data: unknown[]): Record<string, unknown> {
  if (data.length === 0) return { data };
  const before = encodeCursor(scope, page.first);
  const after = encodeCursor(scope, page.last);
  const paging: Record<string, unknown> = { cursors: { before, after } };
  if (page.hasNext) paging.next = pageUrl(req, { after });
  if (page.hasPrevious) paging.previous = pageUrl(req, { before });
  return { data, paging };
}
