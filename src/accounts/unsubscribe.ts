import { and, eq, gt, isNull } from 'drizzle-orm';
import { authTokens, users } from '../db/schema/index.js';
import type { DbOrTx } from '../db/types.js';
import { hashToken, looksLikeToken } from './token-rules.js';

/**
 * Stops marketing email for the user behind an unsubscribe link. Unlike other tokens it
 * can be used again (people click twice; mail clients prefetch), until it expires.
 */
export async function unsubscribe(db: DbOrTx, token: string, now: Date): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const [row] = await db
    .select({ userId: authTokens.userId, workspaceId: authTokens.workspaceId })
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, 'unsubscribe'), gt(authTokens.expiresAt, now)));
  if (!row) return false;
  await db
    .update(users)
    .set({ marketingUnsubscribedAt: now })
    .where(and(eq(users.workspaceId, row.workspaceId), eq(users.id, row.userId), isNull(users.marketingUnsubscribedAt)));
  return true;
}
