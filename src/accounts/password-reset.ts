import { findLoginByEmail } from './users.js';
import { and, eq } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import { withTransaction } from '../db/tx.js';
import type { Db } from '../db/types.js';
import type { JobQueue } from '../jobs/queue.js';
import { AppError } from '../errors.js';
import type { RequestMeta } from '../capture/record-lead.js';
import { accountEmailJob } from './account-email.job.js';
import { hashPassword } from './passwords.js';
import { createSession, revokeAllSessions } from './sessions.js';
import { consumeToken } from './tokens.js';

/** Emails a reset link when the address has an account; answers nothing either way. */
export async function requestPasswordReset(deps: { db: Db; queue: JobQueue }, email: string): Promise<void> {
  const user = await findLoginByEmail(deps.db, email);
  if (!user || user.status === 'disabled') return;
  await deps.queue.enqueue(accountEmailJob, { workspaceId: user.workspaceId, userId: user.id, kind: 'passwordReset' });
}

/**
 * Sets a new password from a reset link (single use, one hour). Every other session ends;
 * this one starts. Proving control of the inbox also verifies the address.
 */
export async function confirmPasswordReset(db: Db, token: string, password: string, meta: RequestMeta): Promise<{ sessionToken: string }> {
  const passwordHash = await hashPassword(password);
  return withTransaction(db, async (tx) => {
    const result = await consumeToken(tx, 'reset_password', token, meta.now);
    if (result.outcome !== 'ok') {
      throw new AppError('BAD_REQUEST', result.outcome === 'unknown' ? 'This reset link is not valid' : `This reset link was already ${result.outcome === 'used' ? 'used' : 'expired'}`, {
        reason: result.outcome,
      });
    }
    const scope = and(eq(users.workspaceId, result.workspaceId), eq(users.id, result.userId));
    const [user] = await tx.select({ status: users.status, verifiedAt: users.verifiedAt }).from(users).where(scope);
    if (!user || user.status === 'disabled') throw new AppError('BAD_REQUEST', 'This reset link is not valid', { reason: 'unknown' });
    await tx
      .update(users)
      .set({
        passwordHash,
        updatedAt: meta.now,
        ...(user.status === 'pending_verification' ? { status: 'verified' as const, verifiedAt: meta.now } : {}),
      })
      .where(scope);
    await revokeAllSessions(tx, result.userId, meta.now);
    const session = await createSession(tx, { id: result.userId, workspaceId: result.workspaceId }, meta, meta.now);
    return { sessionToken: session.token };
  });
}
