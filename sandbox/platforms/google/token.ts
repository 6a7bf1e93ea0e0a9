import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TokenGrant, World } from '../../world/types.js';
import { revokeGrant } from './auth.js';
import { oauthFault } from './faults.js';
import { consentKey, oauthState } from './oauth-state.js';

/**
 * oauth2.googleapis.com: `POST /token` (authorization_code and refresh_token grants, form
 * encoded, client credentials in the form or HTTP Basic) and `POST /revoke`. Access tokens
 * live 3599 s; refresh tokens do not expire unless revoked.
 */
const ACCESS_TTL_S = 3599;

const tokenForm = z.object({
  grant_type: z.string().optional(),
  code: z.string().optional(),
  redirect_uri: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  code_verifier: z.string().optional(),
  refresh_token: z.string().optional(),
});
type TokenForm = z.infer<typeof tokenForm>;

type Failure = { status: number; error: string; description: string };
const fail = (status: number, error: string, description: string): Failure => ({ status, error, description });
const BAD_GRANT = fail(400, 'invalid_grant', 'Bad Request');
const EXPIRED_OR_REVOKED = fail(400, 'invalid_grant', 'Token has been expired or revoked.');

function send(reply: FastifyReply, status: number, body: Record<string, unknown>) {
  return reply.status(status).header('cache-control', 'no-cache, no-store, max-age=0, must-revalidate').header('pragma', 'no-cache').type('application/json; charset=utf-8').send(body);
}

/** Whether a token request belongs to the Ads flow: a refresh (sign-in issues no refresh tokens), or a code the world issued. */
export function isAdsTokenRequest(world: World, body: unknown): boolean {
  const f = tokenForm.safeParse(body);
  if (!f.success) return false;
  if (f.data.grant_type === 'refresh_token' || f.data.refresh_token) return true;
  return !!f.data.code && codeKnown(world, f.data.code);
}

function codeKnown(world: World, code: string): boolean {
  const c = world.tokens.check('google', code, 'code');
  return c.ok || c.reason !== 'unknown';
}

function clientOf(form: TokenForm, authorization: string | undefined): { id: string; secret: string } | Failure {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i > 0) return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
    return fail(401, 'invalid_client', 'Unauthorized');
  }
  if (!form.client_id) return fail(400, 'invalid_request', 'Could not determine client ID from request.');
  if (!form.client_secret) return fail(400, 'invalid_request', 'client_secret is missing.');
  return { id: form.client_id, secret: form.client_secret };
}

function pkceOk(grant: TokenGrant, verifier: string | undefined): Failure | null {
  if (!grant.codeChallenge) return null;
  if (!verifier) return fail(400, 'invalid_grant', 'Missing code verifier.');
  const computed = grant.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) && computed === grant.codeChallenge ? null : fail(400, 'invalid_grant', 'Invalid code verifier.');
}

function issueAccess(world: World, from: TokenGrant, parent: string): TokenGrant {
  return world.tokens.issue({
    platform: 'google',
    kind: 'access',
    token: `ya29.${randomBytes(60).toString('base64url')}`,
    personId: from.personId,
    clientId: from.clientId,
    scopes: from.scopes,
    accountIds: from.accountIds,
    redirectUri: null,
    codeChallenge: null,
    codeChallengeMethod: null,
    ttlSeconds: ACCESS_TTL_S,
    parent,
  });
}

function exchangeCode(world: World, form: TokenForm, clientId: string): Failure | Record<string, unknown> {
  if (!form.code) return fail(400, 'invalid_request', 'Missing required parameter: code');
  const check = world.tokens.check('google', form.code, 'code');
  if (!check.ok) return check.reason === 'unknown' ? fail(400, 'invalid_grant', 'Malformed auth code.') : BAD_GRANT;
  const code = check.grant;
  if (code.clientId !== clientId) return fail(400, 'invalid_grant', 'Bad Request');
  if (!form.redirect_uri || form.redirect_uri !== code.redirectUri) return fail(400, 'redirect_uri_mismatch', 'Bad Request');
  const pkce = pkceOk(code, form.code_verifier);
  if (pkce) return pkce;
  if (!world.tokens.consumeCode('google', code.token).ok) return BAD_GRANT;
  const state = oauthState(world);
  const asked = state.codes.get(code.token) ?? { offline: false, forceConsent: false };
  state.codes.delete(code.token);
  const key = consentKey(clientId, code.personId);
  const first = !state.consents.has(key);
  state.consents.add(key);
  let refresh: TokenGrant | null = null;
  if (asked.offline && (first || asked.forceConsent)) {
    refresh = world.tokens.issue({
      platform: 'google',
      kind: 'refresh',
      personId: code.personId,
      clientId: code.clientId,
      scopes: code.scopes,
      accountIds: code.accountIds,
      token: `1//0${randomBytes(48).toString('base64url')}`,
      redirectUri: null,
      codeChallenge: null,
      codeChallengeMethod: null,
      ttlSeconds: null,
      parent: code.token,
    });
  }
  const access = issueAccess(world, code, refresh?.token ?? code.token);
  return { access_token: access.token, expires_in: ACCESS_TTL_S, ...(refresh ? { refresh_token: refresh.token } : {}), scope: code.scopes.join(' '), token_type: 'Bearer' };
}

function refreshAccess(world: World, form: TokenForm, clientId: string): Failure | Record<string, unknown> {
  if (!form.refresh_token) return fail(400, 'invalid_request', 'Missing required parameter: refresh_token');
  const check = world.tokens.check('google', form.refresh_token, 'refresh');
  if (!check.ok) return check.reason === 'unknown' ? BAD_GRANT : EXPIRED_OR_REVOKED;
  if (check.grant.clientId !== clientId) return fail(401, 'unauthorized_client', 'Unauthorized');
  const access = issueAccess(world, check.grant, check.grant.token);
  return { access_token: access.token, expires_in: ACCESS_TTL_S, scope: check.grant.scopes.join(' '), token_type: 'Bearer' };
}

export function adsToken(world: World) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const parsed = tokenForm.safeParse(req.body ?? {});
    const form = parsed.success ? parsed.data : {};
    const fault = await oauthFault(world, '/token', reply, () => {
      if (form.refresh_token) revokeGrant(world, form.refresh_token);
    });
    if (fault) return fault;
    if (!form.grant_type) return send(reply, 400, { error: 'invalid_request', error_description: 'Missing required parameter: grant_type' });
    if (form.grant_type !== 'authorization_code' && form.grant_type !== 'refresh_token') {
      return send(reply, 400, { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${form.grant_type}` });
    }
    const client = clientOf(form, req.headers.authorization);
    if ('status' in client) return send(reply, client.status, { error: client.error, error_description: client.description });
    const out = form.grant_type === 'authorization_code' ? exchangeCode(world, form, client.id) : refreshAccess(world, form, client.id);
    if ('status' in out && typeof out.status === 'number') {
      const f = out as Failure;
      return send(reply, f.status, { error: f.error, error_description: f.description });
    }
    return send(reply, 200, out as Record<string, unknown>);
  };
}

/** `POST /revoke?token=…` (or the token in the form): revokes the grant; 200 with an empty JSON object. */
export function adsRevoke(world: World) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const q = z.object({ token: z.string().min(1) }).safeParse({ ...(req.body as object | undefined), ...(req.query as object) });
    const fault = await oauthFault(world, '/revoke', reply, () => undefined);
    if (fault) return fault;
    const token = q.success ? q.data.token : '';
    const known = (['access', 'refresh'] as const).some((k) => world.tokens.check('google', token, k).ok);
    if (!known) return send(reply, 400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
    revokeGrant(world, token);
    return send(reply, 200, {});
  };
}
