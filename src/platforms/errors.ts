import type { PlatformId } from './types.js';

/** The small vocabulary every platform's errors are translated into (CONVENTIONS.md). */
export type PlatformErrorCode = 'AUTH_EXPIRED' | 'PERMISSION_DENIED' | 'RATE_LIMITED' | 'TRANSIENT' | 'NOT_FOUND' | 'INVALID' | 'UNKNOWN';

export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly platform: PlatformId,
    readonly code: PlatformErrorCode,
    message: string,
    readonly details: {
      /** The platform's own code / subcode / status text, verbatim. */
      platformCode?: string | number;
      platformSubcode?: string | number;
      httpStatus?: number;
      /** RATE_LIMITED: how long the platform asks us to wait. */
      retryAfterMs?: number;
      requestId?: string;
    } = {},
  ) {
    super(message);
  }

  /** Worth trying again later (with backoff): throttling, 5xx, timeouts, network. */
  get retryable(): boolean {
    return this.code === 'RATE_LIMITED' || this.code === 'TRANSIENT';
  }
}

export const isPlatformError = (e: unknown): e is PlatformError => e instanceof PlatformError;

/**
 * What an HTTP status alone says, for answers whose body the platform's own translator cannot
 * read (a proxy's HTML page, an empty 429). A 408 is the server giving up on a slow request,
 * so it is worth another try like a 5xx.
 */
export function codeForHttpStatus(status: number): PlatformErrorCode {
  if (status === 401) return 'AUTH_EXPIRED';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 408 || status >= 500) return 'TRANSIENT';
  if (status >= 400) return 'INVALID';
  return 'UNKNOWN';
}

/**
 * The `retryAfterMs` detail, kept only on RATE_LIMITED: a wait the platform hints at on other
 * errors is not a promise, and the retry loop's own backoff decides.
 */
export function waitDetail(code: PlatformErrorCode, waitMs: number | undefined): { retryAfterMs?: number } {
  return code === 'RATE_LIMITED' && waitMs !== undefined ? { retryAfterMs: waitMs } : {};
}

/** An error answer with no body the platform's translator can read: the HTTP status decides. */
export function httpStatusError(platform: PlatformId, status: number, what: string, extra: { waitMs?: number; requestId?: string } = {}): PlatformError {
  const code = codeForHttpStatus(status);
  return new PlatformError(platform, code, `${what}: HTTP ${status}`, {
    httpStatus: status,
    ...(extra.requestId ? { requestId: extra.requestId } : {}),
    ...waitDetail(code, extra.waitMs),
  });
}
