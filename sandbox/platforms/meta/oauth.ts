import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenCheck, TokenGrant, World } from '../../world/types.js';
import { authenticate, markDeauthorized } from './auth.js';
import { GraphError, graphErrors } from './errors.js';
import { metaUserId } from './nodes.js';
import { paramsOf, str, type Params } from './params.js';

/** Code exchange gives a short-lived user token ("hours"); `fb_exchange_token` gives ~60 days. No refresh token. */
export const SHORT_LIVED_SECONDS = 5_400;
export const LONG_LIVED_SECONDS = 60 * 86_400;

/** Meta user tokens start `EAA`; the rest is opaque. */
const newAccessToken = (): string => 'EAAB' + randomBytes(48).toString('base64url');

function required(p: Params, name: string, code: number): string {
  const v = str(p, name);
  if (!v) throw new GraphError(code, `Missing ${name} parameter.`);
  return v;
}

function issueAccess(world: World, from: TokenGrant, parent: string, ttlSeconds: number): TokenGrant {
  return world.tokens.issue({
    platform: 'meta',
    kind: 'access',
    personId: from.personId,
    clientId: from.clientId,
    scopes: from.scopes,
    accountIds: from.accountIds,
    redirectUri: null,
    codeChallenge: null,
    codeChallengeMethod: null,
    parent,
    ttlSeconds,
    token: newAccessToken(),
  });
}

const tokenBody = (world: World, g: TokenGrant) => ({
  access_token: g.token,
  token_type: 'bearer',
  expires_in: g.expiresAt ? Math.max(0, Math.round((g.expiresAt.getTime() - world.now().getTime()) / 1000)) : undefined,
});

/** OAuth endpoint messages carry no "(#100)" prefix, unlike Graph's parameter errors. */
const oauthError = (message: string, subcode?: number) => new GraphError(100, message, subcode === undefined ? {} : { subcode });

function codeError(check: Exclude<TokenCheck, { ok: true }>): GraphError {
  if (check.reason === 'expired') return oauthError('This authorization code has expired.', 36007);
  if (check.reason === 'used' || check.reason === 'revoked') return oauthError('This authorization code has been used.', 36009);
  return oauthError('Invalid verification code format.');
}

function exchangeCode(world: World, p: Params) {
  const clientId = required(p, 'client_id', 101);
  const redirectUri = required(p, 'redirect_uri', 100);
  const secret = str(p, 'client_secret');
  if (!secret) throw new GraphError(1, 'Error validating client secret.');
  const code = required(p, 'code', 100);
  const seen = world.tokens.check('meta', code, 'code');
  if (!seen.ok) throw codeError(seen);
  if (seen.grant.clientId !== clientId) throw new GraphError(101, 'Error validating application. Invalid application ID.');
  if (seen.grant.redirectUri !== redirectUri) {
    throw oauthError('Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', 36008);
  }
  const used = world.tokens.consumeCode('meta', code);
  if (!used.ok) throw codeError(used);
  return tokenBody(world, issueAccess(world, used.grant, code, SHORT_LIVED_SECONDS));
}

function exchangeForLongLived(world: World, p: Params) {
  const clientId = required(p, 'client_id', 101);
  if (!str(p, 'client_secret')) throw new GraphError(1, 'Error validating client secret.');
  const short = required(p, 'fb_exchange_token', 100);
  const seen = world.tokens.check('meta', short, 'access');
  if (!seen.ok) {
    if (seen.reason === 'expired') throw graphErrors.expiredToken(null, world.now());
    if (seen.reason === 'revoked') throw graphErrors.passwordChanged();
    throw graphErrors.unparsableToken();
  }
  if (seen.grant.clientId !== clientId) throw new GraphError(101, 'Error validating application. Invalid application ID.');
  return tokenBody(world, issueAccess(world, seen.grant, short, LONG_LIVED_SECONDS));
}

async function accessToken(world: World, req: FastifyRequest) {
  const p = paramsOf(req);
  const grantType = str(p, 'grant_type');
  if (grantType === 'fb_exchange_token') return exchangeForLongLived(world, p);
  if (grantType === 'client_credentials') {
    const clientId = required(p, 'client_id', 101);
    if (!str(p, 'client_secret')) throw new GraphError(1, 'Error validating client secret.');
    return { access_token: `${clientId}|${randomBytes(20).toString('base64url')}`, token_type: 'bearer' };
  }
  if (grantType !== undefined && grantType !== 'authorization_code') {
    throw oauthError(`Invalid grant_type: '${grantType}'. Supported types: authorization_code, client_credentials, fb_exchange_token`);
  }
  return exchangeCode(world, p);
}

/** `GET /debug_token`: metadata of `input_token`, asked with an app token (`{app-id}|{app-secret}`) or a user token. */
function debugToken(world: World, req: FastifyRequest) {
  const p = paramsOf(req);
  const viewer = str(p, 'access_token');
  if (!viewer) throw graphErrors.missingToken();
  let viewingApp: string;
  const app = /^([^|]+)\|(.+)$/.exec(viewer);
  if (app) viewingApp = app[1]!;
  else viewingApp = authenticate(req, world).grant.clientId;
  const input = str(p, 'input_token');
  if (!input) throw graphErrors.invalidParam('The parameter input_token is required');
  const check = world.tokens.check('meta', input, 'access');
  if (!check.ok) {
    const subcode = check.reason === 'expired' ? 463 : check.reason === 'revoked' ? 460 : undefined;
    const message = check.reason === 'unknown' ? 'Invalid OAuth access token.' : `Error validating access token: the token is ${check.reason}.`;
    return { data: { error: { code: 190, message, ...(subcode ? { subcode } : {}) }, is_valid: false, scopes: [] } };
  }
  const g = check.grant;
  if (g.clientId !== viewingApp) throw graphErrors.invalidParam('(#100) The App_id in the input_token did not match the Viewing App');
  const secs = (d: Date) => Math.floor(d.getTime() / 1000);
  const adScopes = new Set(['ads_management', 'ads_read', 'business_management']);
  return {
    data: {
      app_id: g.clientId,
      type: 'USER',
      application: 'Stratum',
      data_access_expires_at: secs(g.issuedAt) + 90 * 86_400,
      expires_at: g.expiresAt ? secs(g.expiresAt) : 0,
      is_valid: true,
      issued_at: secs(g.issuedAt),
      scopes: g.scopes,
      granular_scopes: g.scopes.map((scope) => (adScopes.has(scope) ? { scope, target_ids: g.accountIds } : { scope })),
      user_id: metaUserId(g.personId),
    },
  };
}

/** `DELETE /me/permissions`: the user removes the app; every token of that login stops working (190/458). */
function revokeAll(world: World, req: FastifyRequest) {
  const caller = authenticate(req, world);
  const chain = [caller.token];
  let parent = caller.grant.parent;
  for (let hops = 0; parent && hops < 10; hops++) {
    const up = world.tokens.check('meta', parent, 'access');
    if (!up.ok) break;
    chain.push(parent);
    parent = up.grant.parent;
  }
  world.tokens.revokeFamily('meta', chain[chain.length - 1]!);
  markDeauthorized(world, chain, caller.grant.clientId);
  return { success: true };
}

export function registerTokenRoutes(app: FastifyInstance, world: World): void {
  const exchange = (req: FastifyRequest, reply: FastifyReply) => accessToken(world, req).then((b) => reply.send(b));
  for (const path of ['/:version/oauth/access_token', '/oauth/access_token']) {
    app.get(path, exchange);
    app.post(path, exchange);
  }
  for (const path of ['/:version/debug_token', '/debug_token']) app.get(path, async (req) => debugToken(world, req));
  app.delete('/:version/:node/permissions', async (req) => {
    const { node } = req.params as { node: string };
    const caller = authenticate(req, world);
    if (node !== 'me' && node !== metaUserId(caller.grant.personId)) throw graphErrors.unsupported('DELETE', node);
    return revokeAll(world, req);
  });
}
