import type { z } from 'zod';
import { PlatformError } from '../errors.js';
import { platformCall, type RawResponse } from '../http.js';
import type { AdapterContext } from '../types.js';
import { tiktokErrorFrom } from './errors.js';
import { tiktokListSchema, tiktokSuccessSchema } from './schemas.js';

/**
 * HTTP for the TikTok Marketing API: the token goes in the `Access-Token` header (never the
 * URL), GET parameters carry arrays and objects as JSON text, writes are JSON bodies, and
 * lists page by `page` / `page_size` with `data.page_info.total_page`.
 */
export type Params = Record<string, string | number | readonly unknown[] | Record<string, unknown> | undefined>;

export interface TiktokClient {
  get<S extends z.ZodType>(path: string, params: Params, token: string, what: string, data: S): Promise<z.output<S>>;
  post<S extends z.ZodType>(path: string, body: Record<string, unknown>, token: string | null, what: string, data: S, opts?: { idempotent?: boolean }): Promise<z.output<S>>;
  /** Every item of a paged list, one page in memory at a time. */
  pages<S extends z.ZodType>(path: string, params: Params, token: string, what: string, item: S, pageSize: number): AsyncGenerator<z.output<S>>;
}

/** Reads a success envelope's `data`, or says why not; a truncated answer is worth another try. */
export function parseTiktokBody<S extends z.ZodType>(res: RawResponse, what: string, data: S): z.output<S> | PlatformError {
  const err = tiktokErrorFrom(res, what);
  if (err) return err;
  const envelope = tiktokSuccessSchema.safeParse(res.body);
  const parsed = envelope.success ? data.safeParse(envelope.data.data) : envelope;
  if (parsed.success) return parsed.data as z.output<S>;
  const why = typeof res.body === 'string' ? 'the answer was not complete JSON' : `unexpected shape (${parsed.error.issues[0]?.path.join('.') ?? '?'})`;
  return new PlatformError('tiktok', 'TRANSIENT', `${what}: ${why}`, { httpStatus: res.status });
}

export function tiktokUrl(base: string, path: string, params: Params): URL {
  const url = new URL(`${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    url.searchParams.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  return url;
}

export function tiktokClient(ctx: AdapterContext, base: string = ctx.endpoints.api): TiktokClient {
  const auth = (token: string | null): Record<string, string> => (token ? { 'Access-Token': token } : {});

  const get: TiktokClient['get'] = (path, params, token, what, data) =>
    platformCall('tiktok', ctx, { method: 'GET', url: tiktokUrl(base, path, params), headers: auth(token), what, idempotent: true }, (res) => parseTiktokBody(res, what, data));

  const post: TiktokClient['post'] = (path, body, token, what, data, opts = {}) =>
    platformCall(
      'tiktok',
      ctx,
      {
        method: 'POST',
        url: tiktokUrl(base, path, {}),
        headers: { ...auth(token), 'content-type': 'application/json' },
        body: JSON.stringify(body),
        what,
        // Updates set values, so a repeat after an unknown outcome changes nothing more.
        idempotent: opts.idempotent ?? true,
      },
      (res) => parseTiktokBody(res, what, data),
    );

  async function* pages<S extends z.ZodType>(path: string, params: Params, token: string, what: string, item: S, pageSize: number): AsyncGenerator<z.output<S>> {
    const list = tiktokListSchema(item);
    for (let page = 1; ; page += 1) {
      const d = await get(path, { ...params, page, page_size: pageSize }, token, `${what} (page ${page})`, list);
      for (const x of d.list) yield x;
      if (page >= d.page_info.total_page || d.list.length === 0) return;
    }
  }

  return { get, post, pages };
}
