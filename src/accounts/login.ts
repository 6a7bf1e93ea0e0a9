import { findLoginByEmail } from './users.js';
import { and, eq } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors.js';
import type { RequestMeta } from '../capture/record-lead.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';
import { assertNotThrottled, clearLoginFailures, recordLoginFailure } from './login-throttle.js';

/**
 * Email and password to a session. Unknown addresses cost the same as wrong passwords
 * (a hash is always verified), and both get the same answer. Failures back off per
 * address (login-backoff.ts), known or not, so the backoff reveals nothing either.
 */
export async function logIn(db: Db, email: string, password: string, meta: RequestMeta): Promise<{ sessionToken: string; userId: string }> {
  await assertNotThrottled(db, email, meta.now);
  const user = await findLoginByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !user.passwordHash || !ok || user.status === 'disabled') {
    await recordLoginFailure(db, email, meta.now);
    throw new AppError('INVALID_CREDENTIALS', 'Email or password is incorrect');
  }
  await clearLoginFailures(db, email);
  if (user.status === 'pending_verification') {
    throw new AppError('EMAIL_NOT_VERIFIED', 'Verify your email address first');
  }
  await db.update(users).set({ lastLoginAt: meta.now }).where(and(eq(users.workspaceId, user.workspaceId), eq(users.id, user.id)));
  const session = await createSession(db, user, meta, meta.now);
  return { sessionToken: session.token, userId: user.id };
}
