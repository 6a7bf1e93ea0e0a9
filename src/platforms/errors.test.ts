import { describe, expect, it } from 'vitest';
import { codeForHttpStatus, httpStatusError, PlatformError, waitDetail, type PlatformErrorCode } from './errors.js';

describe('codeForHttpStatus', () => {
  it.each([
    [401, 'AUTH_EXPIRED'],
    [403, 'PERMISSION_DENIED'],
    [404, 'NOT_FOUND'],
    [429, 'RATE_LIMITED'],
    [408, 'TRANSIENT'],
    [500, 'TRANSIENT'],
    [502, 'TRANSIENT'],
    [503, 'TRANSIENT'],
    [400, 'INVALID'],
    [409, 'INVALID'],
    [422, 'INVALID'],
    [302, 'UNKNOWN'],
    [200, 'UNKNOWN'],
  ] as Array<[number, PlatformErrorCode]>)('HTTP %i → %s', (status, code) => expect(codeForHttpStatus(status)).toBe(code));
});

describe('waitDetail', () => {
  it.each([
    ['RATE_LIMITED', 2_000, { retryAfterMs: 2_000 }],
    ['RATE_LIMITED', 0, { retryAfterMs: 0 }],
    ['RATE_LIMITED', undefined, {}],
    ['TRANSIENT', 2_000, {}],
    ['AUTH_EXPIRED', 2_000, {}],
  ] as Array<[PlatformErrorCode, number | undefined, object]>)('%s with %s ms → %o', (code, wait, detail) => expect(waitDetail(code, wait)).toEqual(detail));
});

describe('httpStatusError', () => {
  it('names the status and keeps a wait on a rate limit', () => {
    const e = httpStatusError('tiktok', 429, 'list ads', { waitMs: 1_000, requestId: 'r-1' });
    expect(e).toBeInstanceOf(PlatformError);
    expect(e).toMatchObject({ platform: 'tiktok', code: 'RATE_LIMITED', message: 'list ads: HTTP 429' });
    expect(e.details).toEqual({ httpStatus: 429, requestId: 'r-1', retryAfterMs: 1_000 });
  });

  it('drops a wait that is not a rate limit’s, and an absent request id', () => {
    expect(httpStatusError('meta', 502, 'x', { waitMs: 1_000 }).details).toEqual({ httpStatus: 502 });
  });
});
