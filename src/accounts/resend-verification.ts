import { findLoginByEmail } from './users.js';
import type { Db } from '../db/types.js';
import type { JobQueue } from '../jobs/queue.js';
import { accountEmailJob } from './account-email.job.js';

/** Queues a fresh verification link when the address has an unverified account; says nothing either way. */
export async function resendVerification(deps: { db: Db; queue: JobQueue }, email: string): Promise<void> {
  const user = await findLoginByEmail(deps.db, email);
  if (user?.status !== 'pending_verification') return;
  await deps.queue.enqueue(accountEmailJob, { workspaceId: user.workspaceId, userId: user.id, kind: 'verification' });
}
