import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { loginThrottles } from '../db/schema/index.js';
import type { DbOrTx } from '../db/types.js';
import { AppError } from '../errors.js';
import { houseScope } from './house.js';
import { FAILURE_MEMORY_MS, secondsBlocked, waitAfterFailures } from './login-backoff.js';

const keyOf = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/** Refuses (429, Retry-After) while the address is in its backoff, before any password is checked. */
export async function assertNotThrottled(db: DbOrTx, email: string, now: Date): Promise<void> {
  const [state] = await db.select().from(loginThrottles).where(eq(loginThrottles.emailHash, keyOf(email)));
  const wait = secondsBlocked(state, now);
  if (wait > 0) {
    throw new AppError('RATE_LIMITED', `Too many failed sign-ins for this address; try again in ${wait} s, or reset your password`, { retryAfterSeconds: wait });
  }
}

/** One more failure for the address: counted atomically in the database, so parallel guesses all count. */
export async function recordLoginFailure(db: DbOrTx, email: string, now: Date): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS);
  const [row] = await db
    .insert(loginThrottles)
    .values({ emailHash: keyOf(email), workspaceId: houseScope.workspaceId, failures: 1, lastFailedAt: now })
    .onConflictDoUpdate({
      target: loginThrottles.emailHash,
      set: {
        failures: sql`case when ${loginThrottles.lastFailedAt} < ${forgetBefore} then 1 else ${loginThrottles.failures} + 1 end`,
        lastFailedAt: now,
      },
    })
    .returning({ failures: loginThrottles.failures });
  const wait = waitAfterFailures(row!.failures);
  if (wait > 0) {
    await db.update(loginThrottles).set({ blockedUntil: new Date(now.getTime() + wait) }).where(eq(loginThrottles.emailHash, keyOf(email)));
  }
}

export async function clearLoginFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.emailHash, keyOf(email)));
}
