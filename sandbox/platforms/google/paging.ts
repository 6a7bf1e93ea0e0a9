import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { adsError, at, invalid } from './errors.js';

/**
 * `nextPageToken`s: opaque, signed, and bound to the customer and query they came from. They
 * carry where the walk resumes (a row position, or an offset into sorted rows) and how many
 * rows were already returned (for LIMIT).
 */
export const PAGE_SIZE = 10_000;

const KEY = randomBytes(32);

export interface Cursor {
  /** Which customer + query this token belongs to. */
  q: string;
  /** Position to resume at. */
  p: number;
  /** Rows returned before this page. */
  n: number;
}

export const queryKey = (customerId: string, query: string): string => createHash('sha256').update(`${customerId}\n${query.trim()}`).digest('base64url').slice(0, 16);

const mac = (body: string): Buffer => createHmac('sha256', KEY).update(body).digest().subarray(0, 16);

export function encodeCursor(c: Cursor): string {
  const body = Buffer.from(JSON.stringify(c)).toString('base64url');
  return `${body}.${mac(body).toString('base64url')}`;
}

const badToken = () => invalid(adsError('requestError', 'INVALID_PAGE_TOKEN', 'Page token is invalid.', at('page_token')));

export function decodeCursor(token: string, q: string): Cursor {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) throw badToken();
  const given = Buffer.from(sig, 'base64url');
  const want = mac(body);
  if (given.length !== want.length || !timingSafeEqual(given, want)) throw badToken();
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw badToken();
  }
  const cur = c as Partial<Cursor>;
  if (typeof cur.q !== 'string' || !Number.isSafeInteger(cur.p) || !Number.isSafeInteger(cur.n) || cur.q !== q) throw badToken();
  return cur as Cursor;
}
