import { describe, expect, it } from 'vitest';
import type { PlatformErrorCode } from '../errors.js';
import { fixtureReader, rawResponse } from '../testing/fixtures.js';
import { durationMs, googleError, googleOAuthError, interpretGoogle } from './errors.js';
import { searchPageSchema } from './schemas.js';

const fixture = fixtureReader(import.meta.url);
const res = rawResponse;

describe('googleError', () => {
  const cases: Array<{ name: string; status: number; headers?: Record<string, string>; code: PlatformErrorCode; retryAfterMs?: number; platformCode?: string; message?: RegExp }> = [
    { name: 'error-unauthenticated', status: 401, code: 'AUTH_EXPIRED', platformCode: 'UNAUTHENTICATED', message: /invalid authentication credentials/ },
    { name: 'error-token-expired', status: 401, code: 'AUTH_EXPIRED', platformCode: 'authenticationError.OAUTH_TOKEN_EXPIRED' },
    { name: 'error-token-revoked', status: 401, code: 'AUTH_EXPIRED', platformCode: 'authenticationError.OAUTH_TOKEN_REVOKED' },
    { name: 'error-stream-unauthenticated', status: 401, code: 'AUTH_EXPIRED', platformCode: 'UNAUTHENTICATED' },
    { name: 'error-permission', status: 403, code: 'PERMISSION_DENIED', platformCode: 'authorizationError.USER_PERMISSION_DENIED', message: /login-customer-id/ },
    { name: 'error-scope', status: 403, code: 'PERMISSION_DENIED', message: /insufficient authentication scopes/ },
    { name: 'error-quota', status: 429, code: 'RATE_LIMITED', retryAfterMs: 12_000, platformCode: 'quotaError.RESOURCE_TEMPORARILY_EXHAUSTED' },
    { name: 'error-quota-daily', status: 429, code: 'RATE_LIMITED', retryAfterMs: 30_000_000 },
    // A Retry-After header wins over the body's hint.
    { name: 'error-quota', status: 429, headers: { 'retry-after': '3' }, code: 'RATE_LIMITED', retryAfterMs: 3_000 },
    { name: 'error-internal', status: 500, code: 'TRANSIENT', platformCode: 'internalError.INTERNAL_ERROR' },
    { name: 'error-unavailable', status: 503, code: 'TRANSIENT', platformCode: 'UNAVAILABLE' },
    { name: 'error-invalid-argument', status: 400, code: 'INVALID', message: /field mask contained an invalid field/ },
    { name: 'error-query', status: 400, code: 'INVALID', platformCode: 'queryError.PROHIBITED_METRIC_IN_SELECT_OR_WHERE_CLAUSE' },
    { name: 'error-page-size', status: 400, code: 'INVALID', platformCode: 'requestError.PAGE_SIZE_NOT_SUPPORTED' },
    { name: 'error-not-found', status: 400, code: 'NOT_FOUND', platformCode: 'mutateError.RESOURCE_NOT_FOUND' },
    { name: 'error-customer-not-found', status: 401, code: 'NOT_FOUND' },
    { name: 'error-concurrent', status: 409, code: 'TRANSIENT' },
  ];
  it.each(cases)('$name (HTTP $status) → $code', ({ name, status, headers, code, retryAfterMs, platformCode, message }) => {
    const err = googleError(res(status, fixture(name), { 'request-id': 'hdr-req', ...headers }), 'list campaigns');
    expect(err.platform).toBe('google');
    expect(err.code).toBe(code);
    expect(err.details.httpStatus).toBe(status);
    expect(err.details.requestId).toBe('hdr-req');
    expect(err.message.startsWith('list campaigns: ')).toBe(true);
    if (retryAfterMs !== undefined) expect(err.details.retryAfterMs).toBe(retryAfterMs);
    else expect(err.details.retryAfterMs).toBeUndefined();
    if (platformCode) expect(err.details.platformCode).toBe(platformCode);
    if (message) expect(err.message).toMatch(message);
  });

  it.each([
    [401, 'AUTH_EXPIRED'],
    [403, 'PERMISSION_DENIED'],
    [404, 'NOT_FOUND'],
    [429, 'RATE_LIMITED'],
    [500, 'TRANSIENT'],
    [502, 'TRANSIENT'],
    [400, 'INVALID'],
    [302, 'UNKNOWN'],
  ] as const)('a body that is not Google JSON falls back on HTTP %i → %s', (status, code) => {
    const err = googleError(res(status, '<html>Bad Gateway</html>'), 'read');
    expect(err.code).toBe(code);
  });

  it('takes the wait from Retry-After on a bare 429', () => {
    expect(googleError(res(429, null, { 'retry-after': '2' }), 'read').details.retryAfterMs).toBe(2000);
  });
});

describe('googleOAuthError', () => {
  it.each([
    ['oauth-invalid-grant', 400, 'AUTH_EXPIRED'],
    ['oauth-invalid-client', 401, 'INVALID'],
  ] as const)('%s → %s', (name, status, code) => {
    const err = googleOAuthError(res(status, fixture(name)), 'refresh access token');
    expect(err.code).toBe(code);
    expect(err.details.platformCode).toBe(fixture(name) && (fixture(name) as { error: string }).error);
  });
  it('a 5xx without an OAuth body is transient', () => {
    expect(googleOAuthError(res(503, fixture('error-unavailable')), 'refresh').code).toBe('TRANSIENT');
  });
});

describe('interpretGoogle', () => {
  const read = interpretGoogle(searchPageSchema, 'list campaigns');
  it('parses a page', () => {
    const out = read(res(200, fixture('search-campaigns-page1')));
    expect(out).not.toBeInstanceOf(Error);
    expect(out).toMatchObject({ nextPageToken: 'CPnF5-token-page-2' });
  });
  it('a page without `results` is an empty page', () => {
    expect(read(res(200, fixture('search-empty')))).toMatchObject({ results: [] });
  });
  it('a cut-off body (the sandbox "malformed" fault) is TRANSIENT, so it is retried', () => {
    const text = JSON.stringify(fixture('search-campaigns-page1')).slice(0, 80);
    const out = read(res(200, text));
    expect(out).toMatchObject({ code: 'TRANSIENT' });
  });
  it('a well-formed body of the wrong shape is INVALID', () => {
    expect(read(res(200, { results: 'nope' }))).toMatchObject({ code: 'INVALID' });
  });
});

describe('durationMs', () => {
  it.each([
    ['12s', 12_000],
    ['1.5s', 1_500],
    ['0s', 0],
    ['soon', undefined],
    [undefined, undefined],
  ] as const)('%s → %s', (v, ms) => expect(durationMs(v)).toBe(ms));
});
