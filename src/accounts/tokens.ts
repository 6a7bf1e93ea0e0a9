import { and, eq, gt, isNull } from 'drizzle-orm';
import { authTokens, type authTokenPurposes } from '../db/schema/index.js';
import { newId } from '../db/ids.js';
import type { DbOrTx } from '../db/types.js';
import { hashToken, looksLikeToken, newSecretToken, tokenState, TOKEN_TTL_MS } from './token-rules.js';

export type TokenPurpose = (typeof authTokenPurposes)[number];

/** Issues a single-use token for a user; returns the raw token (for the link), storing only its hash. */
export async function issueToken(
  db: DbOrTx,
  user: { id: string; workspaceId: string },
  purpose: TokenPurpose,
  now: Date,
): Promise<string> {
  const token = newSecretToken();
  await db.insert(authTokens).values({
    id: newId('token'),
    workspaceId: user.workspaceId,
    userId: user.id,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
  });
  return token;
}

export type ConsumeResult =
  | { outcome: 'ok'; userId: string; workspaceId: string }
  | { outcome: 'expired' | 'used'; userId: string; workspaceId: string }
  | { outcome: 'unknown' };

/**
 * Uses a token exactly once: the update succeeds only for an unused, unexpired token, so two
 * clicks racing each other cannot both get through. The token itself names its workspace.
 */
export async function consumeToken(db: DbOrTx, purpose: TokenPurpose, token: string, now: Date): Promise<ConsumeResult> {
  if (!looksLikeToken(token)) return { outcome: 'unknown' };
  const tokenHash = hashToken(token);
  const [used] = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
    .returning({ userId: authTokens.userId, workspaceId: authTokens.workspaceId });
  if (used) return { outcome: 'ok', ...used };
  const [row] = await db
    .select({ userId: authTokens.userId, workspaceId: authTokens.workspaceId, expiresAt: authTokens.expiresAt, usedAt: authTokens.usedAt })
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.purpose, purpose)));
  if (!row) return { outcome: 'unknown' };
  const state = tokenState(row, now);
  return { outcome: state === 'valid' ? 'used' : state, userId: row.userId, workspaceId: row.workspaceId };
}
