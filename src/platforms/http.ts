import pRetry, { AbortError } from 'p-retry';
import { PlatformError } from './errors.js';
import { retryAfterFrom } from '../shared/retry-after.js';
import type { AdapterContext, PlatformId } from './types.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_ATTEMPTS = 4;
export const DEFAULT_MAX_BACKOFF_MS = 60_000;

/** One HTTP answer, body parsed when it is JSON (else the text; null when empty). */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** What the error translators read of an answer (tests build it from recorded fixtures). */
export type ResponseLike = Pick<RawResponse, 'status' | 'headers' | 'body'>;

export interface PlatformRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: URL;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  /** What the call is for, in errors and logs ("list campaigns"). Never contains a token. */
  what: string;
  /**
   * Safe to send again after a failure whose outcome is unknown (timeout, 5xx). Reads are;
   * a budget change is (it sets, not adds); anything that creates is not.
   */
  idempotent: boolean;
}

/**
 * Sends a request with a timeout, lets the platform's `interpret` decide success or a
 * PlatformError (TikTok says "error" inside HTTP 200), and retries what is retryable with
 * exponential backoff and jitter, waiting at least as long as the platform asked. A wait
 * longer than `maxBackoffMs` is not slept: the RATE_LIMITED error goes up so a job can be
 * rescheduled instead of holding a worker.
 */
export async function platformCall<T>(
  platform: PlatformId,
  ctx: AdapterContext,
  req: PlatformRequest,
  interpret: (res: RawResponse) => T | PlatformError,
): Promise<T> {
  const attempts = ctx.attempts ?? DEFAULT_ATTEMPTS;
  const maxBackoff = ctx.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
  return pRetry(
    async () => {
      const res = await send(platform, ctx, req);
      const out = interpret(res);
      if (out instanceof PlatformError) {
        const retryable = out.code === 'RATE_LIMITED' || (out.code === 'TRANSIENT' && req.idempotent);
        if (!retryable || (out.details.retryAfterMs ?? 0) > maxBackoff) throw new AbortError(out);
        throw out;
      }
      return out;
    },
    {
      retries: Math.max(0, attempts - 1),
      factor: 2,
      minTimeout: 250,
      maxTimeout: maxBackoff,
      randomize: true,
      onFailedAttempt: async ({ error, retriesLeft }) => {
        // No point waiting out the platform's Retry-After when no attempt follows.
        const wait = retriesLeft > 0 && error instanceof PlatformError ? (error.details.retryAfterMs ?? 0) : 0;
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      },
    },
  ).catch((err: unknown) => {
    throw err instanceof AbortError && err.cause instanceof PlatformError ? err.cause : err;
  });
}

async function send(platform: PlatformId, ctx: AdapterContext, req: PlatformRequest): Promise<RawResponse> {
  const timeoutMs = ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = ctx.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(req.url, {
      method: req.method,
      headers: { accept: 'application/json', ...req.headers },
      ...(req.body !== undefined ? { body: req.body } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error;
    const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
    // Only the host: query strings can carry access tokens (Meta, Snapchat CAPI).
    const error = new PlatformError(
      platform,
      'TRANSIENT',
      timedOut ? `${req.what}: no answer from ${req.url.host} within ${timeoutMs} ms` : `${req.what}: cannot reach ${req.url.host}`,
    );
    // A timed-out write may have happened; only idempotent requests are sent again.
    if (!req.idempotent) throw new AbortError(error);
    throw error;
  }
  const text = await res.text().catch(() => '');
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** Retry-After (seconds or HTTP date) in ms, or undefined. */
export function retryAfterMs(headers: Headers, now: Date = new Date()): number | undefined {
  return retryAfterFrom(headers.get('retry-after'), now) ?? undefined;
}
