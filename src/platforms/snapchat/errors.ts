import type { z } from 'zod';
import { PlatformError, type PlatformErrorCode } from '../errors.js';
import { retryAfterMs, type RawResponse } from '../http.js';
import { oauthErrorSchema, snapErrorBodySchema } from './schemas.js';

export function codeForHttpStatus(status: number): PlatformErrorCode {
  // Snapchat answers 401 for an expired or revoked token alike: the caller refreshes or reconnects.
  if (status === 401) return 'AUTH_EXPIRED';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 408 || status >= 500) return 'TRANSIENT';
  if (status >= 400) return 'INVALID';
  return 'UNKNOWN';
}

/** A Marketing API error envelope (`request_status: "ERROR"`) to a PlatformError. */
export function snapError(res: RawResponse, what: string, now: Date = new Date()): PlatformError {
  const parsed = snapErrorBodySchema.safeParse(res.body);
  const body = parsed.success ? parsed.data : {};
  // An ERROR envelope inside a 2xx is a rejected request, not a server fault.
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

/** The OAuth token endpoint's RFC 6749 errors. */
export function snapOAuthError(res: RawResponse, what: string): PlatformError {
  const parsed = oauthErrorSchema.safeParse(res.body);
  if (!parsed.success) return snapError(res, what);
  const { error, error_description: description } = parsed.data;
  const byError: Record<string, PlatformErrorCode> = {
    // The refresh token was revoked or the code already used or expired.
    invalid_grant: 'AUTH_EXPIRED',
    // Our client id/secret are wrong: a configuration problem, not the user's.
    invalid_client: 'INVALID',
    unauthorized_client: 'INVALID',
    invalid_request: 'INVALID',
    unsupported_grant_type: 'INVALID',
    invalid_scope: 'PERMISSION_DENIED',
    access_denied: 'PERMISSION_DENIED',
    temporarily_unavailable: 'TRANSIENT',
    server_error: 'TRANSIENT',
  };
  const code = res.status === 429 ? 'RATE_LIMITED' : (byError[error] ?? codeForHttpStatus(res.status));
  return new PlatformError('snapchat', code, `${what}: ${error}${description ? ` (${description})` : ''}`, {
    httpStatus: res.status,
    platformCode: error,
  });
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'shape';
}

export function shapeError(what: string, error: z.ZodError, httpStatus?: number): PlatformError {
  return new PlatformError('snapchat', 'INVALID', `${what}: unexpected answer (${issueText(error)})`, httpStatus ? { httpStatus } : {});
}

/**
 * Reads a 2xx body with `schema`; error statuses, ERROR envelopes and cut-off bodies become
 * the matching PlatformError (a cut-off body is TRANSIENT: another try usually reads it whole).
 */
export function interpretSnap<S extends z.ZodType>(
  schema: S,
  what: string,
  onError: (res: RawResponse, what: string) => PlatformError = snapError,
): (res: RawResponse) => z.output<S> | PlatformError {
  return (res) => {
    if (res.status < 200 || res.status >= 300) return onError(res, what);
    if (res.body === null || typeof res.body === 'string') {
      return new PlatformError('snapchat', 'TRANSIENT', `${what}: unreadable answer (${res.text.length} bytes)`, { httpStatus: res.status });
    }
    const head = res.body as { request_status?: unknown };
    if (typeof head.request_status === 'string' && head.request_status.toUpperCase() === 'ERROR') return onError(res, what);
    const parsed = schema.safeParse(res.body);
    return parsed.success ? parsed.data : shapeError(what, parsed.error, res.status);
  };
}
