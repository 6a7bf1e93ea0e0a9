import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { hashToken } from '../accounts/token-rules.js';
import { newId } from '../db/ids.js';
import { oauthAttempts, platformConnections } from '../db/schema/index.js';
import { isPlatformError } from '../platforms/errors.js';
import type { PlatformId } from '../platforms/types.js';
import { AppError } from '../errors.js';
import type { ConnectionServices } from './services.js';
import { openVerifier, sealTokens, sealVerifier } from './token-store.js';

const ATTEMPT_TTL_MS = 15 * 60_000;

export interface Connector {
  userId: string;
  workspaceId: string;
  role: 'owner' | 'admin' | 'member' | 'viewer';
}

export const callbackPath = (platform: PlatformId) => `/api/v1/oauth/${platform}/callback`;

function canConnect(user: Connector): void {
  if (user.role === 'viewer') throw new AppError('FORBIDDEN', 'Viewers cannot connect ad accounts');
}

export function adapterFor(services: ConnectionServices, platform: PlatformId) {
  const entry = services.platforms.get(platform);
  if (!entry) throw new AppError('UNAVAILABLE', `${platform} is not configured on this server (see the README: connecting real ad platforms)`, { platform });
  return entry.adapter;
}

/**
 * "Connect": a state bound to this session (stored hashed, single use, 15 minutes) and, where
 * the platform takes it, a PKCE verifier; returns the platform's authorize URL.
 */
export async function startConnection(s: ConnectionServices, user: Connector, sessionToken: string, platform: PlatformId): Promise<URL> {
  canConnect(user);
  const adapter = adapterFor(s, platform);
  const state = randomBytes(32).toString('base64url');
  const id = newId('oauthAttempt');
  const redirectUri = s.publicUrl + callbackPath(platform);
  let codeChallenge: string | undefined;
  let sealed: string | null = null;
  if (adapter.supportsPkce) {
    const verifier = randomBytes(48).toString('base64url');
    codeChallenge = createHash('sha256').update(verifier).digest('base64url');
    sealed = sealVerifier(s.vault, id, verifier);
  }
  const now = s.now();
  await s.db.insert(oauthAttempts).values({
    id,
    workspaceId: user.workspaceId,
    userId: user.userId,
    platform,
    stateHash: hashToken(state),
    sessionHash: hashToken(sessionToken),
    codeVerifier: sealed,
    redirectUri,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ATTEMPT_TTL_MS),
  });
  return adapter.authorizeUrl({ state, redirectUri, ...(codeChallenge ? { codeChallenge } : {}) });
}

/** Why a callback did not connect anything; the connect page shows each in words. */
export type CallbackProblem = 'denied' | 'bad_state' | 'expired' | 'exchange_failed' | 'no_accounts' | 'platform_error';

export class CallbackError extends Error {
  constructor(
    readonly problem: CallbackProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface CallbackQuery {
  code?: string | undefined;
  state?: string | undefined;
  error?: string | undefined;
  errorDescription?: string | undefined;
}

/**
 * The platform sent the browser back. The state must be one this session started for this
 * platform, unused and fresh; it is spent before the code is exchanged, so a replay fails.
 * The token set is sealed before it is stored; the accounts it reaches wait for selection.
 */
export async function completeConnection(s: ConnectionServices, user: Connector, sessionToken: string, platform: PlatformId, q: CallbackQuery): Promise<{ connectionId: string; accounts: number }> {
  canConnect(user);
  const adapter = adapterFor(s, platform);
  if (!q.state) throw new CallbackError('bad_state', 'The platform sent no state');
  const now = s.now();
  const [attempt] = await s.db
    .update(oauthAttempts)
    .set({ usedAt: now })
    .where(
      and(
        eq(oauthAttempts.stateHash, hashToken(q.state)),
        eq(oauthAttempts.workspaceId, user.workspaceId),
        eq(oauthAttempts.userId, user.userId),
        eq(oauthAttempts.sessionHash, hashToken(sessionToken)),
        eq(oauthAttempts.platform, platform),
        isNull(oauthAttempts.usedAt),
      ),
    )
    .returning();
  if (!attempt) throw new CallbackError('bad_state', 'This connection attempt is unknown, was already used, or started in another session');
  if (attempt.expiresAt <= now) throw new CallbackError('expired', 'This connection attempt expired; start again');
  if (q.error) throw new CallbackError('denied', q.errorDescription ?? q.error);
  if (!q.code) throw new CallbackError('bad_state', 'The platform sent no code');

  try {
    const verifier = attempt.codeVerifier ? openVerifier(s.vault, attempt.id, attempt.codeVerifier) : undefined;
    const tokens = await adapter.exchangeCode(q.code, attempt.redirectUri, verifier);
    const accounts = await adapter.listAdAccounts(tokens);
    if (accounts.length === 0) throw new CallbackError('no_accounts', 'This login reaches no ad accounts');
    const sealed = sealTokens(s.vault, user.workspaceId, platform, tokens);
    const values = {
      status: 'selecting' as const,
      ...sealed,
      tokenExpiresAt: tokens.expiresAt,
      refreshExpiresAt: tokens.refreshExpiresAt,
      scopes: tokens.scopes,
      connectedBy: user.userId,
      availableAccounts: accounts,
      failureCount: 0,
      lastError: null,
      updatedAt: now,
    };
    const [row] = await s.db
      .insert(platformConnections)
      .values({ id: newId('connection'), workspaceId: user.workspaceId, platform, ...values })
      // Reconnecting replaces the grant and keeps the connection (and its accounts and data).
      .onConflictDoUpdate({ target: [platformConnections.workspaceId, platformConnections.platform], set: values })
      .returning({ id: platformConnections.id });
    return { connectionId: row!.id, accounts: accounts.length };
  } catch (err) {
    if (err instanceof CallbackError) throw err;
    if (isPlatformError(err)) {
      throw new CallbackError(err.code === 'INVALID' || err.code === 'AUTH_EXPIRED' ? 'exchange_failed' : 'platform_error', err.message);
    }
    throw err;
  }
}

/** Spent and expired attempts are only clutter after a day. */
export async function deleteOldAttempts(s: Pick<ConnectionServices, 'db' | 'now'>): Promise<number> {
  const cutoff = new Date(s.now().getTime() - 24 * 3600_000);
  const rows = await s.db.delete(oauthAttempts).where(lt(oauthAttempts.expiresAt, cutoff)).returning({ id: oauthAttempts.id });
  return rows.length;
}
