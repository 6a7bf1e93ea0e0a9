import type { z } from 'zod';
import { PlatformError } from '../errors.js';
import { platformCall, type RawResponse } from '../http.js';
import type { AdapterContext } from '../types.js';
import { metaErrorFrom } from './errors.js';
import { metaPageSchema } from './schemas.js';

/**
 * HTTP for the Graph API. The token travels as the documented `access_token` parameter (query
 * for reads, form body for writes); request descriptions (`what`) never carry it, and
 * platformCall's own messages name only the host.
 */
export type Params = Record<string, string | number | undefined>;

export interface MetaClient {
  get<S extends z.ZodType>(path: string, params: Params, token: string | null, what: string, schema: S, opts?: { idempotent?: boolean }): Promise<z.output<S>>;
  post<S extends z.ZodType>(path: string, form: Params, token: string, what: string, schema: S, opts?: PostOptions): Promise<z.output<S>>;
  /** Every item of a cursor-paged edge, one page in memory at a time. */
  pages<S extends z.ZodType>(path: string, params: Params, token: string, what: string, item: S): AsyncGenerator<z.output<S>>;
}

export interface PostOptions {
  /** Rewrites a translated error (e.g. code 17 on a budget change means "wait an hour"). */
  adjustError?: (e: PlatformError) => PlatformError;
}

/** Parses a success body, or says why it could not: a page cut short is worth another try. */
export function parseMetaBody<S extends z.ZodType>(res: RawResponse, what: string, schema: S): z.output<S> | PlatformError {
  const err = metaErrorFrom(res, what);
  if (err) return err;
  const parsed = schema.safeParse(res.body);
  if (parsed.success) return parsed.data;
  const why = typeof res.body === 'string' ? 'the answer was not complete JSON' : `unexpected shape (${parsed.error.issues[0]?.path.join('.') ?? '?'})`;
  return new PlatformError('meta', 'TRANSIENT', `${what}: ${why}`, { httpStatus: res.status });
}

function withParams(base: string, path: string, params: Params): URL {
  const url = new URL(`${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

/** The `after` cursor for the next page, or null on the last page. */
export function nextCursor(paging: z.output<ReturnType<typeof metaPageSchema>>['paging']): string | null {
  if (!paging?.next) return null;
  if (paging.cursors?.after) return paging.cursors.after;
  // Some edges print only the `next` URL; its `after` is the cursor. The URL itself is not
  // followed: it names the real host and repeats the token.
  try {
    return new URL(paging.next).searchParams.get('after');
  } catch {
    return null;
  }
}

export function metaClient(ctx: AdapterContext, base: string = ctx.endpoints.api): MetaClient {
  const get: MetaClient['get'] = (path, params, token, what, schema, opts = {}) =>
    platformCall(
      'meta',
      ctx,
      { method: 'GET', url: withParams(base, path, { ...params, access_token: token ?? undefined }), what, idempotent: opts.idempotent ?? true },
      (res) => parseMetaBody(res, what, schema),
    );

  const post: MetaClient['post'] = (path, form, token, what, schema, opts = {}) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...form, access_token: token })) if (v !== undefined) body.set(k, String(v));
    return platformCall(
      'meta',
      ctx,
      // Updates set a value, so sending one again after an unknown outcome is harmless.
      { method: 'POST', url: withParams(base, path, {}), body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, what, idempotent: true },
      (res) => {
        const out = parseMetaBody(res, what, schema);
        return out instanceof PlatformError && opts.adjustError ? opts.adjustError(out) : out;
      },
    );
  };

  async function* pages<S extends z.ZodType>(path: string, params: Params, token: string, what: string, item: S): AsyncGenerator<z.output<S>> {
    const pageSchema = metaPageSchema(item);
    let after: string | undefined;
    const seen = new Set<string>();
    for (let n = 1; ; n += 1) {
      const page = await get(path, { ...params, after }, token, `${what} (page ${n})`, pageSchema);
      for (const x of page.data) yield x;
      const next = nextCursor(page.paging);
      if (next === null) return;
      // A cursor that comes back again would page forever.
      if (seen.has(next)) throw new PlatformError('meta', 'UNKNOWN', `${what}: the cursor repeated on page ${n}`);
      seen.add(next);
      after = next;
    }
  }

  return { get, post, pages };
}
