import { CrmError, classifyStatus, clip, parseRetryAfter } from './errors.js';

/** Every CRM call gives up after this long; the attempt is then retried like a 5xx. */
export const CRM_TIMEOUT_MS = 10_000;

export interface HttpResult {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON (null when empty). */
  body: unknown;
}

export type FetchLike = (input: string | URL, init: RequestInit) => Promise<Response>;

/**
 * One HTTP request with a timeout. Network failures and timeouts become retryable
 * `CrmError`s; every HTTP answer is returned for the provider to read (errors included).
 * Redirects are not followed: a POST must not be replayed somewhere else.
 */
export async function request(
  url: string | URL,
  init: RequestInit & { timeoutMs?: number; fetchImpl?: FetchLike; what: string },
): Promise<HttpResult> {
  const { timeoutMs = CRM_TIMEOUT_MS, fetchImpl = fetch, what, ...rest } = init;
  let res: Response;
  try {
    res = await fetchImpl(url, { ...rest, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const e = err as Error;
    const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
    // Only the host goes into the message: a URL's query string may carry a credential.
    const host = new URL(url).host;
    throw new CrmError(timedOut ? `${what}: no answer from ${host} within ${timeoutMs} ms` : `${what}: cannot reach ${host} (${clip(causeOf(e), 200)})`, {
      code: 'TRANSIENT',
      retryable: true,
    });
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
  return { status: res.status, headers: res.headers, body };
}

function causeOf(e: Error): string {
  const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? e.message;
}

/** The error for a non-2xx answer, classified by status, with the provider's own message and Retry-After. */
export function httpError(what: string, res: HttpResult, message: string, now: Date, override?: { code?: CrmError['code']; retryable?: boolean }): CrmError {
  const base = classifyStatus(res.status);
  return new CrmError(`${what}: HTTP ${res.status} ${clip(message)}`, {
    code: override?.code ?? base.code,
    retryable: override?.retryable ?? base.retryable,
    httpStatus: res.status,
    retryAfterSeconds: parseRetryAfter(res.headers.get('retry-after'), now),
  });
}

export const isOk = (status: number): boolean => status >= 200 && status < 300;
