import { httpStatusError, PlatformError, waitDetail, type PlatformErrorCode } from '../errors.js';
import { retryAfterMs, type ResponseLike } from '../http.js';
import { tiktokEnvelopeSchema } from './schemas.js';

/**
 * TikTok answers errors with HTTP 200 and a non-zero `code` in the envelope (its docs say the
 * code takes precedence over the HTTP status); a 4xx/5xx without an envelope means the
 * request never reached the API (wrong path, a gateway fault).
 */
export const TIKTOK_OK_CODES = new Set([0, 20001]);

const CODES: Record<number, PlatformErrorCode> = {
  // Throttling: per app (40100, 40016), per advertiser (40133), per field value (40132).
  40016: 'RATE_LIMITED',
  40100: 'RATE_LIMITED',
  40132: 'RATE_LIMITED',
  40133: 'RATE_LIMITED',
  // Tokens: expired, empty, invalid; auth code cancelled/used/expired; refresh token gone.
  40102: 'AUTH_EXPIRED',
  40103: 'AUTH_EXPIRED',
  40104: 'AUTH_EXPIRED',
  40105: 'AUTH_EXPIRED',
  40107: 'AUTH_EXPIRED',
  40110: 'AUTH_EXPIRED',
  // Permission: no permission; token not valid for this advertiser; not allowlisted; other company; developer scope.
  40001: 'PERMISSION_DENIED',
  40106: 'PERMISSION_DENIED',
  40118: 'PERMISSION_DENIED',
  40119: 'PERMISSION_DENIED',
  40125: 'PERMISSION_DENIED',
  41000: 'PERMISSION_DENIED',
  // Things that do not exist.
  40007: 'NOT_FOUND',
  40300: 'NOT_FOUND',
  40301: 'NOT_FOUND',
  // Worth another try: write conflict, task not ready, file fetch hiccups, maintenance.
  40201: 'TRANSIENT',
  40202: 'TRANSIENT',
  40902: 'TRANSIENT',
  40903: 'TRANSIENT',
  40913: 'TRANSIENT',
  60001: 'TRANSIENT',
};

export function tiktokErrorCode(code: number): PlatformErrorCode {
  const known = CODES[code];
  if (known) return known;
  if (code >= 50000 && code < 60000) return 'TRANSIENT';
  // The remaining 4xxxx are the caller's request: bad parameters, app id/secret mismatch, versions.
  if (code >= 40000 && code < 50000) return 'INVALID';
  return 'UNKNOWN';
}

/** The PlatformError a TikTok answer stands for, or null when it is a success envelope. */
export function tiktokErrorFrom(res: ResponseLike, what: string): PlatformError | null {
  const envelope = tiktokEnvelopeSchema.safeParse(res.body);
  const wait = retryAfterMs(res.headers);
  if (!envelope.success) {
    if (res.status >= 200 && res.status < 300) return null;
    return httpStatusError('tiktok', res.status, what, { waitMs: wait });
  }
  const e = envelope.data;
  if (TIKTOK_OK_CODES.has(e.code)) return null;
  const code = tiktokErrorCode(e.code);
  return new PlatformError('tiktok', code, `${what}: ${e.message || `TikTok code ${e.code}`}`, {
    platformCode: e.code,
    httpStatus: res.status,
    ...waitDetail(code, wait),
    ...(e.request_id ? { requestId: e.request_id } : {}),
  });
}
