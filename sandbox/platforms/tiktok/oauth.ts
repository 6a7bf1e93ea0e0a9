import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { World } from '../../world/types.js';
import { requireToken } from './auth.js';
import { Code, TikTokError, sendOk } from './errors.js';
import { issueGrant } from './grants.js';
import { flatQuery, parseOrThrow } from './params.js';
import { scopeIds } from './scopes.js';

const appId = z.union([z.string().min(1), z.number().int().nonnegative().transform(String)]);

const accessTokenBody = z.object({
  app_id: appId,
  secret: z.string().min(1),
  auth_code: z.string().min(1),
  // Not part of TikTok's request (the redirect URI is registered on the app); checked when a client sends it.
  redirect_uri: z.string().optional(),
});

const revokeBody = z.object({ app_id: appId, secret: z.string().min(1), access_token: z.string().min(1) });
const advertiserGetQuery = z.object({ app_id: appId, secret: z.string().min(1) });

const codeProblem = (why: string) => new TikTokError(Code.AUTH_CODE_INVALID, `Auth code is invalid: ${why}.`);

/** A stable 19-digit id for a sandbox person, as TikTok's `core_user_id` looks. */
const coreUserId = (personId: string): string => '7' + (BigInt('0x' + createHash('sha256').update(personId).digest('hex').slice(0, 15)) % 10n ** 18n).toString().padStart(18, '0');

/**
 * Token exchange, revocation and the "who authorized my app" calls. Advertiser tokens are
 * long-term: no expiry and no refresh token (reference §4A); they work until revoked.
 */
export async function registerOAuth(app: FastifyInstance, world: World, base: string): Promise<void> {
  app.post(`${base}/oauth2/access_token/`, async (req, reply) => {
    const body = parseOrThrow(accessTokenBody, req.body);
    const check = world.tokens.check('tiktok', body.auth_code, 'code');
    if (!check.ok) throw codeProblem(check.reason === 'expired' ? 'it has expired' : check.reason === 'used' ? 'it has already been used' : 'it does not exist');
    const code = check.grant;
    if (code.used) throw codeProblem('it has already been used');
    if (code.clientId !== body.app_id) throw codeProblem('it was issued to another app');
    if (body.redirect_uri !== undefined && body.redirect_uri !== code.redirectUri) throw codeProblem('redirect_uri does not match the authorization request');
    const consumed = world.tokens.consumeCode('tiktok', body.auth_code);
    if (!consumed.ok) throw codeProblem(consumed.reason === 'expired' ? 'it has expired' : 'it has already been used');
    const access = issueGrant(world, {
      kind: 'access',
      personId: code.personId,
      clientId: code.clientId,
      scopes: code.scopes,
      accountIds: code.accountIds,
      redirectUri: null,
      codeChallenge: null,
      codeChallengeMethod: null,
      parent: code.token,
      ttlSeconds: null,
    });
    return sendOk(reply, { access_token: access.token, scope: scopeIds(), advertiser_ids: access.accountIds });
  });

  app.post(`${base}/oauth2/revoke_token/`, async (req, reply) => {
    const body = parseOrThrow(revokeBody, req.body);
    const check = world.tokens.check('tiktok', body.access_token, 'access');
    if (!check.ok && check.reason !== 'expired') throw new TikTokError(Code.TOKEN_INVALID, 'Access token is incorrect or has been revoked.');
    if (check.ok && check.grant.clientId !== body.app_id) throw new TikTokError(Code.NO_PERMISSION, `The access token was not issued to app ${body.app_id}.`);
    world.tokens.revokeFamily('tiktok', body.access_token);
    return sendOk(reply, {});
  });

  app.get(`${base}/oauth2/advertiser/get/`, async (req, reply) => {
    const grant = requireToken(world, req);
    const q = parseOrThrow(advertiserGetQuery, flatQuery(req.query));
    if (grant.clientId !== q.app_id) throw new TikTokError(Code.NO_PERMISSION, `The access token was not issued to app ${q.app_id}.`);
    const list = grant.accountIds.flatMap((id) => {
      const a = world.account('tiktok', id);
      return a ? [{ advertiser_id: a.id, advertiser_name: a.name }] : [];
    });
    return sendOk(reply, { list });
  });

  app.get(`${base}/user/info/`, async (req, reply) => {
    const grant = requireToken(world, req);
    const person = world.person(grant.personId);
    return sendOk(reply, {
      core_user_id: coreUserId(grant.personId),
      display_name: person?.name ?? grant.personId,
      email: person?.email ?? '',
      avatar_url: '',
      create_time: Math.floor(grant.issuedAt.getTime() / 1000),
    });
  });
}
