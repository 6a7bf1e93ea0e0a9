import type { z } from 'zod';
import { codeForHttpStatus, PlatformError } from '../errors.js';
import { retryAfterMs, type RawResponse } from '../http.js';
import { interpretJson, shapeError as shapeErrorOf } from '../json-answer.js';
import { oauthError } from '../oauth2.js';
import { snapErrorBodySchema } from './schemas.js';

/** A Marketing API error envelope (`request_status: "ERROR"`) to a PlatformError. */
export function snapError(res: RawResponse, what: string, now: Date = new Date()): PlatformError {
  const parsed = snapErrorBodySchema.safeParse(res.body);
  const body = parsed.success ? parsed.data : {};
  // An ERROR envelope inside a 2xx is a rejected request, not a server fault. Snapchat answers
  // 401 for an expired or revoked token alike: the caller refreshes or reconnects.
  const code = res.status >= 200 && res.status < 300 ? 'INVALID' : codeForHttpStatus(res.status);
  const text = body.display_message ?? body.debug_message ?? body.msg ?? `HTTP ${res.status}`;
  // Snapchat documents no rate-limit headers; a Retry-After, should one come, is still honoured.
  const wait = code === 'RATE_LIMITED' ? retryAfterMs(res.headers, now) : undefined;
  return new PlatformError('snapchat', code, `${what}: ${text}`, {
    httpStatus: res.status,
    ...(body.error_code ? { platformCode: body.error_code } : {}),
    ...(body.request_id ? { requestId: body.request_id } : {}),
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
  });
}

/** The OAuth token endpoint's RFC 6749 errors; anything else is read as a Marketing API envelope. */
export function snapOAuthError(res: RawResponse, what: string): PlatformError {
  return oauthError('snapchat', res, what, snapError);
}

export function shapeError(what: string, error: z.ZodError, httpStatus?: number): PlatformError {
  return shapeErrorOf('snapchat', what, error, httpStatus);
}

const isErrorEnvelope = (body: unknown): boolean => {
  const status = (body as { request_status?: unknown }).request_status;
  return typeof status === 'string' && status.toUpperCase() === 'ERROR';
};

/**
 * Reads a 2xx body with `schema`; error statuses, ERROR envelopes and cut-off bodies become
 * the matching PlatformError (a cut-off body is TRANSIENT: another try usually reads it whole).
 */
export function interpretSnap<S extends z.ZodType>(
  schema: S,
  what: string,
  onError: (res: RawResponse, what: string) => PlatformError = snapError,
): (res: RawResponse) => z.output<S> | PlatformError {
  return interpretJson('snapchat', schema, what, onError, isErrorEnvelope);
}
