import type { z } from 'zod';
import { codeForHttpStatus, httpStatusError, PlatformError, waitDetail, type PlatformErrorCode } from '../errors.js';
import { retryAfterMs, type RawResponse } from '../http.js';
import { interpretJson } from '../json-answer.js';
import { oauthError } from '../oauth2.js';
import { googleErrorBodySchema, type GoogleErrorBody } from './schemas.js';

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
  if (!parsed.success) return httpStatusError('google', res.status, what, { waitMs: headerWait, requestId: requestHeader });
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
    ...waitDetail(code, wait),
  });
}

/** The OAuth token endpoint's RFC 6749 errors; anything else is read as a Google Ads error. */
export function googleOAuthError(res: RawResponse, what: string): PlatformError {
  return oauthError('google', res, what, googleError);
}

/** Reads a 2xx body with `schema`; anything else becomes the matching PlatformError. */
export function interpretGoogle<S extends z.ZodType>(
  schema: S,
  what: string,
  onError: (res: RawResponse, what: string) => PlatformError = googleError,
): (res: RawResponse) => z.output<S> | PlatformError {
  return interpretJson('google', schema, what, onError);
}
