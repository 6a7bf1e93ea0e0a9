import { and, eq } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import { withTransaction } from '../db/tx.js';
import type { Db } from '../db/types.js';
import type { RequestMeta } from '../capture/record-lead.js';
import { createSession } from './sessions.js';
import { consumeToken } from './tokens.js';
import { startEmailSequence } from './welcome.js';
import type { JobQueue } from '../jobs/queue.js';

export type VerifyResult =
  | { outcome: 'ok'; sessionToken: string; userId: string }
  | { outcome: 'expired' | 'used' | 'unknown'; email: string | null };

/**
 * Stage 4: the link in the verification email. The token is used up, the user becomes
 * verified and is signed in, all at once; a second click finds the token used.
 */
export async function verifyEmail(deps: { db: Db; queue: JobQueue }, token: string, meta: RequestMeta): Promise<VerifyResult> {
  return withTransaction(deps.db, async (tx) => {
    const result = await consumeToken(tx, 'verify_email', token, meta.now);
    if (result.outcome === 'unknown') return { outcome: 'unknown', email: null };
    const [user] = await tx
      .select({ id: users.id, workspaceId: users.workspaceId, email: users.email, status: users.status })
      .from(users)
      .where(and(eq(users.workspaceId, result.workspaceId), eq(users.id, result.userId)));
    if (!user || user.status === 'disabled') return { outcome: 'unknown', email: null };
    if (result.outcome !== 'ok') return { outcome: result.outcome, email: user.email };
    if (user.status === 'pending_verification') {
      await tx
        .update(users)
        .set({ status: 'verified', verifiedAt: meta.now, updatedAt: meta.now })
        .where(and(eq(users.workspaceId, user.workspaceId), eq(users.id, user.id)));
      // The onboarding emails start now, in the same transaction as the verification.
      await startEmailSequence(deps.queue, tx, user, meta.now);
    }
    const session = await createSession(tx, user, meta, meta.now);
    return { outcome: 'ok', sessionToken: session.token, userId: user.id };
  });
}
