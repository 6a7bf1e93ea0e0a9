import { describe, expect, it } from 'vitest';
import type { PlatformErrorCode } from '../errors.js';
import { fixtureReader, rawResponse } from '../testing/fixtures.js';
import { interpretSnap, snapError, snapOAuthError } from './errors.js';
import { envelopeSchema } from './schemas.js';

const fixture = fixtureReader(import.meta.url);
const res = rawResponse;

describe('snapError', () => {
  const cases: Array<{ name: string; status: number; code: PlatformErrorCode; message: RegExp; platformCode?: string; headers?: Record<string, string>; retryAfterMs?: number }> = [
    { name: 'error-401', status: 401, code: 'AUTH_EXPIRED', message: /Unauthorized/ },
    { name: 'error-401-detailed', status: 401, code: 'AUTH_EXPIRED', message: /session has expired/, platformCode: 'E3003' },
    { name: 'error-403', status: 403, code: 'PERMISSION_DENIED', message: /don't have access/, platformCode: 'E3002' },
    { name: 'error-404', status: 404, code: 'NOT_FOUND', message: /couldn't find/, platformCode: 'E1008' },
    { name: 'error-400', status: 400, code: 'INVALID', message: /below the minimum/, platformCode: 'E2002' },
    { name: 'error-429', status: 429, code: 'RATE_LIMITED', message: /Rate limit exceeded/ },
    { name: 'error-429', status: 429, code: 'RATE_LIMITED', message: /Rate limit/, headers: { 'retry-after': '2' }, retryAfterMs: 2000 },
    { name: 'error-500', status: 500, code: 'TRANSIENT', message: /try again/, platformCode: 'E9000' },
    { name: 'error-500', status: 503, code: 'TRANSIENT', message: /try again/ },
  ];
  it.each(cases)('$name (HTTP $status) → $code', ({ name, status, code, message, platformCode, headers, retryAfterMs }) => {
    const body = fixture(name) as { request_id: string };
    const err = snapError(res(status, body, headers), 'list campaigns');
    expect(err).toMatchObject({ platform: 'snapchat', code });
    expect(err.message).toMatch(message);
    expect(err.message.startsWith('list campaigns: ')).toBe(true);
    expect(err.details.requestId).toBe(body.request_id);
    expect(err.details.httpStatus).toBe(status);
    expect(err.details.retryAfterMs).toBe(retryAfterMs);
    if (platformCode) expect(err.details.platformCode).toBe(platformCode);
  });

  it('a 429 without Retry-After leaves the wait to the backoff', () => {
    expect(snapError(res(429, fixture('error-429')), 'x').details.retryAfterMs).toBeUndefined();
  });
  it('an HTML 502 from a proxy is transient', () => {
    expect(snapError(res(502, '<html>Bad gateway</html>'), 'x').code).toBe('TRANSIENT');
  });
});

describe('snapOAuthError', () => {
  it('invalid_grant is AUTH_EXPIRED', () => {
    expect(snapOAuthError(res(400, fixture('oauth-invalid-grant')), 'refresh')).toMatchObject({ code: 'AUTH_EXPIRED', details: { platformCode: 'invalid_grant' } });
  });
  it('invalid_client is a configuration problem', () => {
    expect(snapOAuthError(res(401, { error: 'invalid_client' }), 'exchange').code).toBe('INVALID');
  });
  it('a Marketing-style envelope on the token endpoint still maps', () => {
    expect(snapOAuthError(res(500, fixture('error-500')), 'exchange').code).toBe('TRANSIENT');
  });
});

describe('interpretSnap', () => {
  const read = interpretSnap(envelopeSchema, 'list campaigns');
  it('reads an envelope', () => {
    expect(read(res(200, fixture('campaigns-page1')))).toMatchObject({ request_status: 'SUCCESS' });
  });
  it('compares the request status case-insensitively (stats print "success")', () => {
    expect(read(res(200, fixture('stats-breakdown-ad')))).toMatchObject({ request_status: 'SUCCESS' });
  });
  it('an ERROR envelope inside a 200 is an error', () => {
    expect(read(res(200, fixture('error-400')))).toMatchObject({ code: 'INVALID' });
  });
  it('a cut-off body (the sandbox "malformed" fault) is TRANSIENT', () => {
    expect(read(res(200, JSON.stringify(fixture('campaigns-page1')).slice(0, 100)))).toMatchObject({ code: 'TRANSIENT' });
  });
  it('an envelope without request_status is INVALID', () => {
    expect(read(res(200, { campaigns: [] }))).toMatchObject({ code: 'INVALID' });
  });
});
