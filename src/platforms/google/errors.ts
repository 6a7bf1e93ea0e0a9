import type { z } from 'zod';
import { PlatformError, type PlatformErrorCode } from '../errors.js';
import { retryAfterMs, type RawResponse } from '../http.js';
import { googleErrorBodySchema, oauthErrorSchema, type GoogleErrorBody } from './schemas.js';

type Failure = NonNullable<GoogleErrorBody['error']['details']>[number];
type AdsError = NonNullable<Failure['errors']>[number];

const grpcStatusCodes: Record<string, PlatformErrorCode> = {
  UNAUTHENTICATED: 'AUTH_EXPIRED',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  NOT_FOUND: 'NOT_FOUND',
  RESOURCE_EXHAUSTED: 'RATE_LIMITED',
  INTERNAL: 'TRANSIENT',
  UNAVAILABLE: 'TRANSIENT',
  DEADLINE_EXCEEDED: 'TRANSIENT',
  ABORTED: 'TRANSIENT',
  INVALID_ARGUMENT: 'INVALID',
  FAILED_PRECONDITION: 'INVALID',
  OUT_OF_RANGE: 'INVALID',
};

/** Google Ads' `{"<category>Error": "<ENUM>"}` to our code; undefined leaves it to the HTTP status. */
// Categories about the request's own text: a "…_NOT_FOUND" there is a bad field name, not a missing object.
const requestShapeCategories = new Set(['fieldMaskError', 'fieldError', 'queryError', 'requestError', 'headerError']);

export function codeForAdsError(category: string, value: string): PlatformErrorCode | undefined {
  if (value.endsWith('NOT_FOUND') && !requestShapeCategories.has(category)) return 'NOT_FOUND';
  switch (category) {
    case 'authenticationError':
      if (value === 'CLIENT_CUSTOMER_ID_INVALID' || value === 'USER_ID_INVALID') return 'INVALID';
      // A Google login without an Ads account: reconnecting the same login would not help.
      if (value === 'NOT_ADS_USER') return 'PERMISSION_DENIED';
      return 'AUTH_EXPIRED';
    case 'authorizationError':
      return 'PERMISSION_DENIED';
    case 'quotaError':
      return value === 'ACCESS_PROHIBITED' ? 'PERMISSION_DENIED' : 'RATE_LIMITED';
    case 'internalError':
      return 'TRANSIENT';
    case 'databaseError':
      // Someone else changed the same resource at the same moment; the write can be sent again.
      return value === 'CONCURRENT_MODIFICATION' ? 'TRANSIENT' : undefined;
    default:
      return undefined;
  }
}

export function codeForHttpStatus(status: number): PlatformErrorCode {
  if (status === 401) return 'AUTH_EXPIRED';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 408 || status >= 500) return 'TRANSIENT';
  if (status >= 400) return 'INVALID';
  return 'UNKNOWN';
}

/** protobuf Duration JSON ("30s", "1.5s") in ms. */
export function durationMs(v: string | undefined): number | undefined {
  const m = v ? /^(\d+(?:\.\d+)?)s$/.exec(v.trim()) : null;
  return m ? Math.round(Number(m[1]) * 1000) : undefined;
}

function firstAdsError(details: Failure[] | undefined): { error?: AdsError; failure?: Failure } {
  for (const failure of details ?? []) {
    const error = failure.errors?.[0];
    if (error) return { error, failure };
  }
  return { failure: details?.[0] };
}

/** A non-2xx Google Ads answer (or its searchStream array form) to a PlatformError. */
export function googleError(res: RawResponse, what: string, now: Date = new Date()): PlatformError {
  // searchStream wraps its error in an array, like its results.
  const body = Array.isArray(res.body) ? (res.body[0] as unknown) : res.body;
  const parsed = googleErrorBodySchema.safeParse(body);
  const requestHeader = res.headers.get('request-id') ?? undefined;
  const headerWait = retryAfterMs(res.headers, now);
  if (!parsed.success) {
    const code = codeForHttpStatus(res.status);
    return new PlatformError('google', code, `${what}: HTTP ${res.status}`, {
      httpStatus: res.status,
      ...(requestHeader ? { requestId: requestHeader } : {}),
      ...(code === 'RATE_LIMITED' && headerWait !== undefined ? { retryAfterMs: headerWait } : {}),
    });
  }
  const { error: top } = parsed.data;
  const { error, failure } = firstAdsError(top.details);
  const [category, value] = Object.entries(error?.errorCode ?? {})[0] ?? [];
  const enumValue = typeof value === 'string' ? value : undefined;
  const code =
    (category && enumValue ? codeForAdsError(category, enumValue) : undefined) ??
    (top.status ? grpcStatusCodes[top.status] : undefined) ??
    codeForHttpStatus(res.status);
  const wait =
    headerWait ??
    durationMs(error?.details?.quotaErrorDetails?.retryDelay) ??
    durationMs(top.details?.find((d) => d.retryDelay)?.retryDelay);
  const requestId = requestHeader ?? failure?.requestId;
  const message = error?.message ?? top.message ?? `HTTP ${res.status}`;
  return new PlatformError('google', code, `${what}: ${message}`, {
    httpStatus: res.status,
    platformCode: category && enumValue ? `${category}.${enumValue}` : (top.status ?? top.code ?? res.status),
    ...(requestId ? { requestId } : {}),
    ...(code === 'RATE_LIMITED' && wait !== undefined ? { retryAfterMs: wait } : {}),
  });
}

/** The OAuth token endpoint's RFC 6749 errors. */
export function googleOAuthError(res: RawResponse, what: string): PlatformError {
  const parsed = oauthErrorSchema.safeParse(res.body);
  if (!parsed.success) return googleError(res, what);
  const { error, error_description: description } = parsed.data;
  const byError: Record<string, PlatformErrorCode> = {
    // The refresh token was revoked, expired (testing apps: 7 days) or the code was used.
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
  return new PlatformError('google', code, `${what}: ${error}${description ? ` (${description})` : ''}`, {
    httpStatus: res.status,
    platformCode: error,
  });
}

function isSuccess(res: RawResponse): boolean {
  return res.status >= 200 && res.status < 300;
}

/** Reads a 2xx body with `schema`; anything else becomes the matching PlatformError. */
export function interpretGoogle<S extends z.ZodType>(
  schema: S,
  what: string,
  onError: (res: RawResponse, what: string) => PlatformError = googleError,
): (res: RawResponse) => z.output<S> | PlatformError {
  return (res) => {
    if (!isSuccess(res)) return onError(res, what);
    // Cut-off or non-JSON bodies come from a broken connection or proxy: worth another try.
    if (res.body === null || typeof res.body === 'string') {
      return new PlatformError('google', 'TRANSIENT', `${what}: unreadable answer (${res.text.length} bytes)`, { httpStatus: res.status });
    }
    const parsed = schema.safeParse(res.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'shape';
      return new PlatformError('google', 'INVALID', `${what}: unexpected answer (${where})`, { httpStatus: res.status });
    }
    return parsed.data;
  };
}
