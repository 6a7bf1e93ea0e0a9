import type { FastifyRequest } from 'fastify';
import type { TokenGrant, World, WorldAccount } from '../../world/types.js';
import { graphErrors } from './errors.js';
import { paramsOf, str } from './params.js';

/** The caller behind a Graph request: the token as presented and what it grants. */
export interface Caller {
  token: string;
  grant: TokenGrant;
}

/** `access_token` in the query or body, or an `Authorization: Bearer|OAuth` header. */
export function presentedToken(req: FastifyRequest): string | undefined {
  const fromParams = str(paramsOf(req), 'access_token');
  if (fromParams) return fromParams;
  const h = req.headers.authorization;
  const m = h ? /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

/**
 * Tokens revoked by the user removing the app (`DELETE /me/permissions`) answer subcode 458;
 * other revocations (the `revoked_token` fault) answer 460, "session invalidated". The world
 * only says "revoked", so the sandbox remembers which way each token went.
 */
const deauthorized = new WeakMap<World, Map<string, string>>();

export function markDeauthorized(world: World, tokens: string[], appId: string): void {
  let m = deauthorized.get(world);
  if (!m) deauthorized.set(world, (m = new Map()));
  for (const t of tokens) m.set(t, appId);
}

/** Checks the presented token the way Graph does: missing → 104, unknown → 190, expired → 190/463, revoked → 190/460 or 458. */
export function authenticate(req: FastifyRequest, world: World): Caller {
  const token = presentedToken(req);
  if (!token) throw graphErrors.missingToken();
  const check = world.tokens.check('meta', token, 'access');
  if (check.ok) return { token, grant: check.grant };
  if (check.reason === 'expired') throw graphErrors.expiredToken(null, world.now());
  if (check.reason === 'revoked') {
    const appId = deauthorized.get(world)?.get(token);
    throw appId !== undefined ? graphErrors.deauthorized(appId) : graphErrors.passwordChanged();
  }
  throw graphErrors.unparsableToken();
}

const READ_SCOPES = ['ads_read', 'ads_management'];

export function requireRead(caller: Caller): void {
  if (!caller.grant.scopes.some((s) => READ_SCOPES.includes(s))) throw graphErrors.noAdsPermission();
}

export function requireManage(caller: Caller): void {
  if (!caller.grant.scopes.includes('ads_management')) throw graphErrors.noManagePermission();
}

/** The ad accounts this token reaches: those granted on the consent screen that still exist. */
export function grantedAccounts(world: World, caller: Caller): WorldAccount[] {
  const out: WorldAccount[] = [];
  for (const id of caller.grant.accountIds) {
    const a = world.account('meta', id);
    if (a) out.push(a);
  }
  return out;
}

/** `act_{id}` → the account, if the token reaches it; an ungranted account is Graph's permission error. */
export function accountNode(world: World, caller: Caller, node: string, method: string): WorldAccount {
  const m = /^act_(\d+)$/.exec(node);
  const account = m ? world.account('meta', m[1]!) : undefined;
  if (!account) throw graphErrors.unsupported(method, node);
  if (!caller.grant.accountIds.includes(account.id)) throw graphErrors.noAdsPermission();
  requireRead(caller);
  return account;
}
