import type { FastifyRequest } from 'fastify';
import type { TokenGrant, World, WorldAccount } from '../../world/types.js';
import { Code, TikTokError } from './errors.js';

/**
 * The Marketing API reads the token from the `Access-Token` header only (not
 * `Authorization: Bearer`). Missing → 40104, expired → 40102, unknown or revoked → 40105.
 */
export function requireToken(world: World, req: FastifyRequest): TokenGrant {
  const header = req.headers['access-token'];
  const token = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!token) throw new TikTokError(Code.TOKEN_EMPTY, 'Access token is null. Please pass it in the Access-Token header.');
  const check = world.tokens.check('tiktok', token, 'access');
  if (check.ok) return check.grant;
  if (check.reason === 'expired') throw new TikTokError(Code.TOKEN_EXPIRED, 'Access token has expired. Please re-authorize.');
  throw new TikTokError(Code.TOKEN_INVALID, 'Access token is incorrect or has been revoked.');
}

/** An advertiser the token may reach; any other (or one that does not exist) is TikTok's permission error. */
export function requireAdvertiser(world: World, grant: TokenGrant, advertiserId: string): WorldAccount {
  const account = world.account('tiktok', advertiserId);
  if (!account || !grant.accountIds.includes(advertiserId)) {
    throw new TikTokError(Code.NO_PERMISSION, `No permission to operate advertiser ${advertiserId}. Ask the advertiser to authorize your app.`);
  }
  return account;
}
