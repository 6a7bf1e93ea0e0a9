import { httpStatusError, PlatformError, waitDetail, type PlatformErrorCode } from '../errors.js';
import { retryAfterMs, type ResponseLike } from '../http.js';
import { metaErrorBodySchema, type MetaErrorBody } from './schemas.js';
import { readMetaUsage } from './usage.js';

/**
 * Graph API errors → Stratum's vocabulary. Meta sends throttling and token problems with
 * HTTP 400 or 500 alike, so the decision rests on `error.code` / `error_subcode`, and the
 * status only when there is no envelope (a proxy's 502, a bare 429).
 */
const THROTTLE_CODES = new Set([4, 17, 32, 613]);
const isBucThrottle = (code: number): boolean => code >= 80000 && code <= 80014;
const isPermission = (code: number): boolean => code === 10 || code === 294 || code === 368 || (code >= 200 && code <= 299);

export function metaErrorCode(e: Pick<MetaErrorBody, 'code' | 'error_subcode' | 'is_transient'>): PlatformErrorCode {
  const { code, error_subcode: sub } = e;
  if (code === 190 || code === 102) return 'AUTH_EXPIRED';
  if (THROTTLE_CODES.has(code) || isBucThrottle(code)) return 'RATE_LIMITED';
  if (isPermission(code)) return 'PERMISSION_DENIED';
  if (code === 100 && sub === 33) return 'NOT_FOUND';
  if (code === 803) return 'NOT_FOUND';
  if (code === 1 || code === 2 || e.is_transient === true) return 'TRANSIENT';
  if (code === 100) return 'INVALID';
  return 'UNKNOWN';
}

/** The PlatformError a Graph response stands for, or null when it is a success. */
export function metaErrorFrom(res: ResponseLike, what: string): PlatformError | null {
  const envelope = metaErrorBodySchema.safeParse(res.body);
  const ok = res.status >= 200 && res.status < 300;
  if (ok && !envelope.success) return null;

  const usage = readMetaUsage(res.headers);
  const wait = retryAfterMs(res.headers) ?? usage.regainAccessMs;

  if (!envelope.success) return httpStatusError('meta', res.status, what, { waitMs: wait });

  const e = envelope.data.error;
  const code = metaErrorCode(e);
  // The user-facing text is what Meta wants shown for validation errors; the developer text otherwise.
  const text = code === 'INVALID' && e.error_user_msg ? e.error_user_msg : e.message;
  return new PlatformError('meta', code, `${what}: ${text || `Graph error ${e.code}`}`, {
    platformCode: e.code,
    ...(e.error_subcode !== undefined ? { platformSubcode: e.error_subcode } : {}),
    httpStatus: res.status,
    ...waitDetail(code, wait),
    ...(e.fbtrace_id ? { requestId: e.fbtrace_id } : {}),
  });
}
