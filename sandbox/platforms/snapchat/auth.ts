import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Level, TokenGrant, World, WorldAccount, WorldEntity } from '../../world/types.js';
import { sendApiError } from './errors.js';

export const MARKETING_SCOPE = 'snapchat-marketing-api';
export const CONVERSIONS_SCOPE = 'snapchat-offline-conversions-api';

/** The token of `Authorization: Bearer <token>` (scheme case-insensitive), or null. */
export function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : null;
}

const REASONS = {
  unknown: 'Invalid access token',
  revoked: 'The access token has been revoked',
  expired: 'The access token has expired',
  used: 'Invalid access token',
} as const;

/** Why a token is refused, in Snap's words; null when it is a live access token. */
export function tokenProblem(world: World, token: string | null): { grant: TokenGrant } | { reason: string } {
  if (!token) return { reason: 'Missing access token: send Authorization: Bearer <access_token>' };
  const check = world.tokens.check('snapchat', token, 'access');
  return check.ok ? { grant: check.grant } : { reason: REASONS[check.reason] };
}

/** Authenticates a Marketing API call; sends Snap's 401 or 403 and returns null when refused. */
export function authenticate(world: World, req: FastifyRequest, reply: FastifyReply): TokenGrant | null {
  const t = tokenProblem(world, bearerToken(req));
  if ('reason' in t) {
    void sendApiError(reply, 'unauthorized', t.reason);
    return null;
  }
  if (!t.grant.scopes.includes(MARKETING_SCOPE)) {
    void sendApiError(reply, 'forbidden', `The access token lacks the ${MARKETING_SCOPE} scope`);
    return null;
  }
  return t.grant;
}

/** An ad account the token may reach; sends 404 (unknown) or 403 (not granted) otherwise. */
export function grantedAccount(world: World, grant: TokenGrant, id: string, reply: FastifyReply): WorldAccount | null {
  const account = world.account('snapchat', id);
  if (!account) {
    void sendApiError(reply, 'not_found', `Ad account ${id} can not be found`);
    return null;
  }
  if (!grant.accountIds.includes(account.id)) {
    void sendApiError(reply, 'forbidden', `The access token is not authorized for ad account ${id}`);
    return null;
  }
  return account;
}

const LABEL: Record<Level, string> = { campaign: 'Campaign', ad_set: 'Ad squad', ad: 'Ad' };

/**
 * Finds an entity by id among the accounts the token reaches (Snap's by-id paths carry no
 * account); 403 when it lives in an account that was not granted, 404 when nowhere.
 */
export function grantedEntity<L extends Level>(
  world: World,
  grant: TokenGrant,
  level: L,
  id: string,
  reply: FastifyReply,
): { account: WorldAccount; entity: Extract<WorldEntity, { level: L }> } | null {
  for (const accountId of grant.accountIds) {
    const account = world.account('snapchat', accountId);
    const entity = account ? world.entity(account, level, id) : undefined;
    if (account && entity) return { account, entity: entity as Extract<WorldEntity, { level: L }> };
  }
  const elsewhere = world.accounts('snapchat').some((a) => !grant.accountIds.includes(a.id) && world.entity(a, level, id));
  if (elsewhere) void sendApiError(reply, 'forbidden', `The access token is not authorized for ${LABEL[level].toLowerCase()} ${id}`);
  else void sendApiError(reply, 'not_found', `${LABEL[level]} ${id} can not be found`);
  return null;
}
