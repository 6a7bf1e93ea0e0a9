import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TokenGrant, World } from '../../world/types.js';
import { sendOAuthError } from './errors.js';
import { field } from './form.js';

/**
 * `POST /login/oauth2/access_token`: authorization_code and refresh_token grants, client
 * credentials in the form or by HTTP Basic. Access tokens live 1800 s (the value public clients
 * record; one catalog says 3600, so adapters must read `expires_in`); refresh tokens do not expire
 * and are returned unchanged on refresh.
 */
export const ACCESS_TTL_SECONDS = 1800;

function clientCredentials(req: FastifyRequest): { id: string | null; secret: string | null } {
  const h = req.headers.authorization;
  if (typeof h === 'string' && /^Basic\s+/i.test(h)) {
    const decoded = Buffer.from(h.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i > 0) return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) || null };
  }
  return { id: field(req.body, 'client_id'), secret: field(req.body, 'client_secret') };
}

function pkceMatches(grant: TokenGrant, verifier: string | null): boolean {
  if (!grant.codeChallenge) return true;
  if (!verifier) return false;
  const expected = grant.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  const a = Buffer.from(expected);
  const b = Buffer.from(grant.codeChallenge);
  return a.length === b.length && timingSafeEqual(a, b);
}

function issueTokens(world: World, from: TokenGrant, refreshToken: string | null) {
  const base = {
    platform: 'snapchat' as const,
    personId: from.personId,
    clientId: from.clientId,
    scopes: from.scopes,
    accountIds: from.accountIds,
    redirectUri: null,
    codeChallenge: null,
    codeChallengeMethod: null,
    parent: from.token,
  };
  const access = world.tokens.issue({ ...base, kind: 'access', ttlSeconds: ACCESS_TTL_SECONDS });
  const refresh = refreshToken ?? world.tokens.issue({ ...base, kind: 'refresh', ttlSeconds: null }).token;
  return {
    access_token: access.token,
    token_type: 'Bearer',
    expires_in: ACCESS_TTL_SECONDS,
    refresh_token: refresh,
    scope: from.scopes.join(' '),
  };
}

export async function exchangeToken(world: World, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const client = clientCredentials(req);
  if (!client.id || !client.secret) return sendOAuthError(reply, 'invalid_client', 'Client authentication failed: client_id and client_secret are required.');
  const grantType = field(req.body, 'grant_type');
  if (!grantType) return sendOAuthError(reply, 'invalid_request', 'Missing grant_type.');

  if (grantType === 'authorization_code') {
    const code = field(req.body, 'code');
    const redirectUri = field(req.body, 'redirect_uri');
    if (!code) return sendOAuthError(reply, 'invalid_request', 'Missing code.');
    if (!redirectUri) return sendOAuthError(reply, 'invalid_request', 'Missing redirect_uri.');
    const check = world.tokens.check('snapchat', code, 'code');
    if (!check.ok || check.grant.used) {
      const reason = check.ok ? 'used' : check.reason;
      // A replayed code also invalidates what it produced (RFC 6749 §4.1.2).
      if (reason === 'used') world.tokens.revokeFamily('snapchat', code);
      return sendOAuthError(reply, 'invalid_grant', `Invalid authorization code (${reason}).`);
    }
    const grant = check.grant;
    if (grant.clientId !== client.id) return sendOAuthError(reply, 'invalid_grant', 'The authorization code was issued to another client.');
    if (grant.redirectUri !== redirectUri) return sendOAuthError(reply, 'invalid_grant', 'redirect_uri does not match the authorization request.');
    if (!pkceMatches(grant, field(req.body, 'code_verifier'))) return sendOAuthError(reply, 'invalid_grant', 'Invalid code_verifier.');
    const consumed = world.tokens.consumeCode('snapchat', code);
    if (!consumed.ok) return sendOAuthError(reply, 'invalid_grant', `Invalid authorization code (${consumed.reason}).`);
    return reply.header('cache-control', 'no-store').send(issueTokens(world, consumed.grant, null));
  }

  if (grantType === 'refresh_token') {
    const token = field(req.body, 'refresh_token');
    if (!token) return sendOAuthError(reply, 'invalid_request', 'Missing refresh_token.');
    const check = world.tokens.check('snapchat', token, 'refresh');
    if (!check.ok) return sendOAuthError(reply, 'invalid_grant', `Invalid refresh token (${check.reason}).`);
    if (check.grant.clientId !== client.id) return sendOAuthError(reply, 'invalid_grant', 'The refresh token was issued to another client.');
    return reply.header('cache-control', 'no-store').send(issueTokens(world, check.grant, token));
  }

  return sendOAuthError(reply, 'unsupported_grant_type', `Unsupported grant_type: ${grantType}.`);
}
