import { describe, expect, it } from 'vitest';
import { PlatformError, type PlatformErrorCode } from './errors.js';
import { interpretJson } from './json-answer.js';
import { exchangeAuthorizationCode, oauthError, oauthTokenSchema, refreshAccessToken, type TokenEndpoint } from './oauth2.js';
import { failure } from './testing/contract-support.js';
import { fakeFetch, json, type Route } from './testing/fake-fetch.js';
import { rawResponse } from './testing/fixtures.js';
import type { TokenSet } from './types.js';

const platformError = (res: { status: number }, what: string) => new PlatformError('snapchat', 'UNKNOWN', `${what}: not OAuth (${res.status})`);

describe('oauthError', () => {
  it.each([
    ['invalid_grant', 400, 'AUTH_EXPIRED'],
    ['invalid_client', 401, 'INVALID'],
    ['unauthorized_client', 400, 'INVALID'],
    ['invalid_request', 400, 'INVALID'],
    ['unsupported_grant_type', 400, 'INVALID'],
    ['invalid_scope', 400, 'PERMISSION_DENIED'],
    ['access_denied', 403, 'PERMISSION_DENIED'],
    ['temporarily_unavailable', 503, 'TRANSIENT'],
    ['server_error', 500, 'TRANSIENT'],
    // Not in the RFC: the status decides.
    ['slow_down', 400, 'INVALID'],
    ['constructor', 502, 'TRANSIENT'],
    // A 429 is a rate limit whatever the error says.
    ['invalid_request', 429, 'RATE_LIMITED'],
  ] as Array<[string, number, PlatformErrorCode]>)('%s (HTTP %i) → %s', (error, status, code) => {
    const e = oauthError('google', rawResponse(status, { error, error_description: 'why' }), 'refresh access token', platformError);
    expect(e).toMatchObject({ platform: 'google', code, message: `refresh access token: ${error} (why)`, details: { httpStatus: status, platformCode: error } });
  });

  it('hands a body that is not RFC 6749 JSON to the platform translator', () => {
    expect(oauthError('snapchat', rawResponse(500, '<html>'), 'x', platformError).message).toBe('x: not OAuth (500)');
  });
});

const NOW = new Date('2025-01-01T00:00:00Z');

function endpoint(route: Route): { ep: TokenEndpoint; seen: ReturnType<typeof fakeFetch>['seen'] } {
  const { fetch, seen } = fakeFetch(route);
  const ctx = { endpoints: { api: 'http://sbx/api', authorize: 'http://sbx/auth', token: 'http://sbx/token' }, credentials: { clientId: 'cid', clientSecret: 'secret' }, fetch, attempts: 3, maxBackoffMs: 5, now: () => NOW };
  const interpret = (what: string) => interpretJson('google', oauthTokenSchema, what, (res, w) => oauthError('google', res, w, platformError));
  return { ep: { platform: 'google', ctx, interpret, requestedScopes: ['ads'] }, seen };
}
const token: TokenSet = { accessToken: 'at-0', refreshToken: 'rt-0', expiresAt: null, refreshExpiresAt: null, scopes: [], extra: {} };

describe('the token endpoint', () => {
  it('exchanges a code with the client credentials in the form', async () => {
    const { ep, seen } = endpoint(() => json({ access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600, scope: 'ads reports' }));
    const t = await exchangeAuthorizationCode(ep, 'c0de', 'https://app.test/cb', 'verifier');
    expect(t).toEqual({ accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: new Date('2025-01-01T01:00:00Z'), refreshExpiresAt: null, scopes: ['ads', 'reports'], extra: {} });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url.href).toBe('http://sbx/token');
    expect(seen[0]?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(seen[0]?.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'c0de',
      redirect_uri: 'https://app.test/cb',
      code_verifier: 'verifier',
      client_id: 'cid',
      client_secret: 'secret',
    });
  });

  it.each([
    ['spaces', 'a b', ['a', 'b']],
    ['commas', 'a,b', ['a', 'b']],
    ['none listed: what was asked for', undefined, ['ads']],
  ])('reads granted scopes separated by %s', async (_name, scope, scopes) => {
    const { ep } = endpoint(() => json({ access_token: 'at-1', ...(scope ? { scope } : {}) }));
    expect((await exchangeAuthorizationCode(ep, 'c', 'https://app.test/cb')).scopes).toEqual(scopes);
  });

  it('does not send a used code again after a server error', async () => {
    const { ep, seen } = endpoint(() => json({ error: 'server_error' }, 500));
    expect((await failure(exchangeAuthorizationCode(ep, 'c', 'https://app.test/cb'))).code).toBe('TRANSIENT');
    expect(seen).toHaveLength(1);
  });

  it('refreshes, keeping the refresh token when the answer has none, and retries a server error', async () => {
    const { ep, seen } = endpoint((_req, n) => (n === 1 ? json({ error: 'server_error' }, 500) : json({ access_token: 'at-2', expires_in: 60 })));
    const t = await refreshAccessToken(ep, token);
    expect(t).toMatchObject({ accessToken: 'at-2', refreshToken: 'rt-0', expiresAt: new Date('2025-01-01T00:01:00Z') });
    expect(seen).toHaveLength(2);
    expect(Object.fromEntries(new URLSearchParams(seen[1]?.body))).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt-0', client_id: 'cid', client_secret: 'secret' });
  });

  it('takes a rotated refresh token', async () => {
    const { ep } = endpoint(() => json({ access_token: 'at-2', refresh_token: 'rt-9' }));
    expect((await refreshAccessToken(ep, token)).refreshToken).toBe('rt-9');
  });

  it('without a refresh token asks the person to reconnect, before any request', async () => {
    const { ep, seen } = endpoint(() => json({}));
    expect(await failure(refreshAccessToken(ep, { ...token, refreshToken: null }))).toMatchObject({ platform: 'google', code: 'AUTH_EXPIRED' });
    expect(seen).toHaveLength(0);
  });

  it('a revoked grant is AUTH_EXPIRED, not retried', async () => {
    const { ep, seen } = endpoint(() => json({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }, 400));
    expect((await failure(refreshAccessToken(ep, token))).code).toBe('AUTH_EXPIRED');
    expect(seen).toHaveLength(1);
  });
});
