import type { z } from 'zod';
import { PlatformError } from '../errors.js';
import { platformCall } from '../http.js';
import type { AdapterContext, TokenSet } from '../types.js';
import { interpretSnap, shapeError } from './errors.js';
import { envelopeItemSchema, envelopeSchema } from './schemas.js';

export interface SnapCaller {
  ctx: AdapterContext;
  token: TokenSet;
}

/** Entities per page: Snapchat allows 50–1000; fewer pages means fewer of the 10 requests/s a token gets. */
export const SNAP_PAGE_LIMIT = 1000;

export function apiUrl(caller: SnapCaller, path: string, params: Record<string, string> = {}): URL {
  const url = new URL(`${caller.ctx.endpoints.api}/${path.replace(/^\/+/, '')}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url;
}

const authHeaders = (caller: SnapCaller): Record<string, string> => ({ authorization: `Bearer ${caller.token.accessToken}` });

export async function snapGet<S extends z.ZodType>(caller: SnapCaller, url: URL, schema: S, what: string): Promise<z.output<S>> {
  return platformCall('snapchat', caller.ctx, { method: 'GET', url, headers: authHeaders(caller), what, idempotent: true }, interpretSnap(schema, what));
}

/**
 * The next page's URL. `next_link` is absolute and may name another host than the one we
 * called (Snap's own examples show an appspot host), so only its query (the cursor) is kept
 * and applied to our URL: the token never leaves the configured API host.
 */
export function nextPageUrl(current: URL, nextLink: string | null | undefined): URL | null {
  if (!nextLink) return null;
  let next: URL;
  try {
    next = new URL(nextLink, current);
  } catch {
    return null;
  }
  if (![...next.searchParams.keys()].length) return null;
  const url = new URL(current.href);
  url.search = next.search;
  return url;
}

/** The `<singular>` objects of an envelope's `<plural>` list, each checked for its own status. */
export function envelopeItems<S extends z.ZodType>(body: Record<string, unknown>, plural: string, singular: string, schema: S, what: string): Array<{ entity: z.output<S>; raw: Record<string, unknown> }> {
  const list = body[plural] ?? [];
  if (!Array.isArray(list)) throw new PlatformError('snapchat', 'INVALID', `${what}: "${plural}" is not a list`);
  return list.map((item) => {
    const head = envelopeItemSchema.safeParse(item);
    if (!head.success) throw shapeError(what, head.error);
    if (head.data.sub_request_status && head.data.sub_request_status !== 'SUCCESS') {
      throw new PlatformError('snapchat', 'INVALID', `${what}: ${head.data.sub_request_error_reason ?? `item ${head.data.sub_request_status}`}`);
    }
    const raw = head.data[singular];
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw shapeError(what, parsed.error);
    return { entity: parsed.data, raw: raw as Record<string, unknown> };
  });
}

/** Every entity of a list endpoint, page by page as the caller reads (parents' lists are ordered by creation). */
export async function* listAll<S extends z.ZodType>(
  caller: SnapCaller,
  path: string,
  plural: string,
  singular: string,
  schema: S,
  what: string,
): AsyncGenerator<{ entity: z.output<S>; raw: Record<string, unknown> }> {
  let url: URL | null = apiUrl(caller, path, { limit: String(SNAP_PAGE_LIMIT) });
  const seen = new Set<string>();
  while (url) {
    seen.add(url.href);
    const page = await snapGet(caller, url, envelopeSchema, what);
    yield* envelopeItems(page, plural, singular, schema, what);
    url = nextPageUrl(url, page.paging?.next_link);
    if (url && seen.has(url.href)) throw new PlatformError('snapchat', 'TRANSIENT', `${what}: next page repeats an earlier one`);
  }
}

export async function getOne<S extends z.ZodType>(caller: SnapCaller, path: string, plural: string, singular: string, schema: S, what: string) {
  const body = await snapGet(caller, apiUrl(caller, path), envelopeSchema, what);
  const [first] = envelopeItems(body, plural, singular, schema, what);
  if (!first) throw new PlatformError('snapchat', 'NOT_FOUND', `${what}: not found`);
  return first;
}

/** Full-object update: `PUT /{parents}/{id}/{plural}` with `{<plural>: [object]}`. */
export async function putOne<S extends z.ZodType>(caller: SnapCaller, path: string, plural: string, singular: string, object: Record<string, unknown>, schema: S, what: string): Promise<void> {
  const body = await platformCall(
    'snapchat',
    caller.ctx,
    {
      method: 'PUT',
      url: apiUrl(caller, path),
      headers: { ...authHeaders(caller), 'content-type': 'application/json' },
      body: JSON.stringify({ [plural]: [object] }),
      what,
      // The whole object is replaced with the same content: sending it twice changes nothing more.
      idempotent: true,
    },
    interpretSnap(envelopeSchema, what),
  );
  envelopeItems(body, plural, singular, schema, what);
}
