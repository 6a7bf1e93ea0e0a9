import type { FastifyRequest } from 'fastify';
import type { TokenGrant, World } from '../../world/types.js';
import { reachCustomer, type Customer } from './customers.js';
import { adsError, GoogleAdsFault } from './errors.js';
import { ADWORDS_SCOPE } from './scopes.js';

/**
 * Who is calling: the OAuth access token in `Authorization: Bearer`. The `developer-token`
 * header is accepted and ignored (sunset in 2026; access levels now belong to the Cloud
 * project), so a call works with or without it.
 */
export function authenticate(req: FastifyRequest, world: World): TokenGrant {
  const header = req.headers.authorization;
  if (!header) {
    // No credential at all is refused by Google's front end, before the Ads backend sees it.
    throw new GoogleAdsFault(
      'UNAUTHENTICATED',
      [],
      'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'CREDENTIALS_MISSING', domain: 'googleapis.com', metadata: { service: 'googleads.googleapis.com' } }],
    );
  }
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!token) throw unauthenticated('OAUTH_TOKEN_HEADER_INVALID', 'The OAuth token in the request header is not valid.');
  const check = world.tokens.check('google', token, 'access');
  if (!check.ok) {
    if (check.reason === 'expired') throw unauthenticated('OAUTH_TOKEN_EXPIRED', 'Authentication of the request failed. The OAuth token has expired.');
    if (check.reason === 'revoked') throw unauthenticated('OAUTH_TOKEN_REVOKED', 'Authentication of the request failed. The OAuth token has been revoked.');
    throw unauthenticated('OAUTH_TOKEN_INVALID', 'Authentication of the request failed. The OAuth token is invalid.');
  }
  if (!check.grant.scopes.includes(ADWORDS_SCOPE)) {
    throw new GoogleAdsFault('PERMISSION_DENIED', [], 'Request had insufficient authentication scopes.', [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', domain: 'googleapis.com', metadata: { service: 'googleads.googleapis.com' } },
    ]);
  }
  return check.grant;
}

export function unauthenticated(code: string, message: string): GoogleAdsFault {
  return new GoogleAdsFault('UNAUTHENTICATED', [adsError('authenticationError', code, message)]);
}

/** The bearer token of a request, if any (faults need it to expire or revoke it). */
export function bearerOf(req: FastifyRequest): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
}

/** Revokes the whole grant a token belongs to, as Google does when a user removes an app's access. */
export function revokeGrant(world: World, token: string): void {
  let root = token;
  for (let i = 0; i < 4; i++) {
    const parent = (['access', 'refresh', 'code'] as const).map((k) => world.tokens.check('google', root, k)).find((c) => c.ok);
    const up = parent?.ok ? parent.grant.parent : null;
    if (!up) break;
    root = up;
  }
  world.tokens.revokeFamily('google', root);
}

export function headerOf(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The customer a call reaches (after authentication and the login-customer-id rules). */
export function reach(req: FastifyRequest, world: World, customerId: string): Customer {
  const grant = authenticate(req, world);
  return reachCustomer(world, grant, customerId, headerOf(req, 'login-customer-id'));
}
