import type { Tx } from '../db/types.js';
import type { JobQueue } from '../jobs/queue.js';
import { emailSequence } from './email-sequence.js';
import { sequenceEmailJob } from './sequence-email.job.js';

/**
 * Schedules the onboarding emails (welcome now, then the rest) from the moment an address
 * is known to be the user's: their verification link, or a sign-in provider vouching for it.
 * Joins the caller's transaction, so the emails exist only if the verification commits.
 */
export async function startEmailSequence(queue: JobQueue, tx: Tx, user: { id: string; workspaceId: string }, now: Date): Promise<void> {
  for (const step of emailSequence) {
    await queue.enqueue(
      sequenceEmailJob,
      { workspaceId: user.workspaceId, userId: user.id, template: step.template },
      { tx, startAfter: new Date(now.getTime() + step.delayMs) },
    );
  }
}
