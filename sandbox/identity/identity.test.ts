import { createHash, generateKeyPairSync } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, importPKCS8, jwtVerify, SignJWT } from 'jose';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSandbox } from '../server.js';
import { sandboxSignInClients } from './clients.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildSandbox();
});
afterAll(() => app.close());

const HOST = 'localhost:4010';
const ORIGIN = `http://${HOST}`;
const verifier = 'v'.repeat(43);
const challenge = createHash('sha256').update(verifier).digest('base64url');
const form = (o: Record<string, string>) => ({ payload: new URLSearchParams(o).toString(), headers: { host: HOST, 'content-type': 'application/x-www-form-urlencoded' } });

/** Authorize, press Continue, and return what comes back to the client. */
async function code(authorizePath: string, params: Record<string, string>, person: Record<string, string> = { email: 'sara@midas.sa', name: 'Sara Q', email_verified: 'on' }) {
  const page = await app.inject({ url: `${authorizePath}?${new URLSearchParams(params)}`, headers: { host: HOST } });
  expect(page.statusCode, page.body).toBe(200);
  const requestId = /name="request_id" value="([^"]+)"/.exec(page.body)![1]!;
  const res = await app.inject({ method: 'POST', url: `${authorizePath}/decision`, ...form({ request_id: requestId, decision: 'allow', ...person }) });
  if (res.statusCode === 302) return Object.fromEntries(new URL(res.headers.location as string).searchParams);
  return Object.fromEntries([...res.body.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&quot;', '"')]));
}

const google = sandboxSignInClients.google;
const googleParams = { response_type: 'code', client_id: google.clientId, redirect_uri: 'http://localhost:3000/cb', scope: 'openid email profile', state: 's1', nonce: 'n1', code_challenge: challenge, code_challenge_method: 'S256' };
const googleToken = (c: string, over: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/google/oauth2/token', ...form({ grant_type: 'authorization_code', code: c, redirect_uri: googleParams.redirect_uri, client_id: google.clientId, client_secret: google.clientSecret, code_verifier: verifier, ...over }) });

describe('Google (sandbox)', () => {
  it('publishes discovery with each Google host under its prefix', async () => {
    const doc = (await app.inject({ url: '/google/accounts/.well-known/openid-configuration', headers: { host: HOST } })).json();
    expect(doc).toMatchObject({
      issuer: `${ORIGIN}/google/accounts`,
      authorization_endpoint: `${ORIGIN}/google/accounts/o/oauth2/v2/auth`,
      token_endpoint: `${ORIGIN}/google/oauth2/token`,
      jwks_uri: `${ORIGIN}/google/apis/oauth2/v3/certs`,
      userinfo_endpoint: `${ORIGIN}/google/openidconnect/v1/userinfo`,
      code_challenge_methods_supported: ['plain', 'S256'],
    });
  });

  it('issues an RS256 ID token verifiable with its JWKS, once per code', async () => {
    const back = await code('/google/accounts/o/oauth2/v2/auth', googleParams);
    expect(back.state).toBe('s1');
    const res = await googleToken(back.code!);
    expect(res.statusCode, res.body).toBe(200);
    const jwks = createLocalJWKSet((await app.inject('/google/apis/oauth2/v3/certs')).json());
    const { payload, protectedHeader } = await jwtVerify(res.json().id_token, jwks, { issuer: `${ORIGIN}/google/accounts`, audience: google.clientId });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ nonce: 'n1', email: 'sara@midas.sa', email_verified: true, name: 'Sara Q', hd: 'midas.sa' });
    const info = await app.inject({ url: '/google/openidconnect/v1/userinfo', headers: { authorization: `Bearer ${res.json().access_token}` } });
    expect(info.json()).toMatchObject({ sub: payload.sub, email: 'sara@midas.sa' });
    const replay = await googleToken(back.code!);
    expect([replay.statusCode, replay.json().error]).toEqual([400, 'invalid_grant']);
  });

  it.each<[string, Record<string, string>, number, string]>([
    ['a wrong PKCE verifier', { code_verifier: 'w'.repeat(43) }, 400, 'invalid_grant'],
    ['no PKCE verifier', { code_verifier: '' }, 400, 'invalid_grant'],
    ['a wrong client secret', { client_secret: 'nope' }, 401, 'invalid_client'],
    ['another redirect URI', { redirect_uri: 'http://localhost:3000/other' }, 400, 'redirect_uri_mismatch'],
  ])('refuses %s', async (_name, over, status, error) => {
    const back = await code('/google/accounts/o/oauth2/v2/auth', googleParams);
    const res = await googleToken(back.code!, over);
    expect([res.statusCode, res.json().error]).toEqual([status, error]);
  });

  it('shows Google\'s own error page for an unknown client, and sends access_denied on Cancel', async () => {
    const unknown = await app.inject({ url: `/google/accounts/o/oauth2/v2/auth?${new URLSearchParams({ ...googleParams, client_id: 'nobody' })}` });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toContain('invalid_client');
    const page = await app.inject({ url: `/google/accounts/o/oauth2/v2/auth?${new URLSearchParams({ ...googleParams, login_hint: 'omar@rawabi.sa' })}` });
    expect(page.body).toContain('Sign in with Google (sandbox)');
    expect(page.body).toContain('value="omar@rawabi.sa"');
    const requestId = /name="request_id" value="([^"]+)"/.exec(page.body)![1]!;
    const cancel = await app.inject({ method: 'POST', url: '/google/accounts/o/oauth2/v2/auth/decision', ...form({ request_id: requestId, decision: 'deny' }) });
    expect(cancel.headers.location).toBe('http://localhost:3000/cb?error=access_denied&state=s1');
  });
});

describe('Microsoft (sandbox)', () => {
  const ms = sandboxSignInClients.microsoft;
  it('publishes a templated issuer for common and a fixed one for a tenant, and refuses unknown tenants', async () => {
    const common = (await app.inject({ url: '/microsoft/login/common/v2.0/.well-known/openid-configuration', headers: { host: HOST } })).json();
    expect(common.issuer).toBe(`${ORIGIN}/microsoft/login/{tenantid}/v2.0`);
    const tenant = (await app.inject({ url: `/microsoft/login/${ms.tenantId}/v2.0/.well-known/openid-configuration`, headers: { host: HOST } })).json();
    expect(tenant.issuer).toBe(`${ORIGIN}/microsoft/login/${ms.tenantId}/v2.0`);
    const unknown = await app.inject('/microsoft/login/not-a-tenant/v2.0/.well-known/openid-configuration');
    expect(unknown.json().error_codes).toEqual([90002]);
  });

  it('says a redeemed code was redeemed (AADSTS54005), and puts xms_edov, not email_verified, in the token', async () => {
    const path = `/microsoft/login/${ms.tenantId}/oauth2/v2.0/authorize`;
    const back = await code(path, { ...googleParams, client_id: ms.clientId });
    const token = (c: string) =>
      app.inject({ method: 'POST', url: `/microsoft/login/${ms.tenantId}/oauth2/v2.0/token`, ...form({ grant_type: 'authorization_code', code: c, redirect_uri: googleParams.redirect_uri, client_id: ms.clientId, client_secret: ms.clientSecret, code_verifier: verifier }) });
    const res = await token(back.code!);
    const claims = decodeJwt(res.json().id_token);
    expect(claims).toMatchObject({ iss: `${ORIGIN}/microsoft/login/${ms.tenantId}/v2.0`, tid: ms.tenantId, xms_edov: true, ver: '2.0' });
    expect(claims.email_verified).toBeUndefined();
    const replay = await token(back.code!);
    expect(replay.json()).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
  });
});

describe('Apple (sandbox)', () => {
  const apple = sandboxSignInClients.apple;
  const params = { ...googleParams, client_id: apple.clientId, scope: 'openid email name', response_mode: 'form_post' };
  const secret = async (key: Parameters<typeof importPKCS8>[0], kid = apple.keyId) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(apple.teamId)
      .setSubject(apple.clientId)
      .setAudience('https://appleid.apple.com')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(await importPKCS8(key, 'ES256'));
  const otherKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('refuses name/email scopes without form_post, as Apple does', async () => {
    const res = await app.inject({ url: `/apple/appleid/auth/authorize?${new URLSearchParams({ ...params, response_mode: 'query' })}` });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('response_mode must be form_post when name or email scope is requested.');
  });

  it('checks the client secret JWT against the developer key it holds', async () => {
    const back = await code('/apple/appleid/auth/authorize', params);
    expect(JSON.parse(back.user!)).toMatchObject({ name: { firstName: 'Sara', lastName: 'Q' } });
    const token = async (clientSecret: string) =>
      app.inject({ method: 'POST', url: '/apple/appleid/auth/token', ...form({ grant_type: 'authorization_code', code: back.code!, redirect_uri: params.redirect_uri, client_id: apple.clientId, client_secret: clientSecret, code_verifier: verifier }) });
    expect((await token(await secret(otherKey))).json()).toEqual({ error: 'invalid_client' });
    expect((await token('not-a-jwt')).json()).toEqual({ error: 'invalid_client' });
  });
});
