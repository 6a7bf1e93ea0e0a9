import { z } from 'zod';
import { defineJob } from '../../jobs/define.js';
import { deleteExpiredAttempts } from './attempts.js';

/** Hourly: sign-in round trips past their ten minutes (finished or abandoned) are deleted. */
export const ssoAttemptsCleanupJob = defineJob({
  name: 'accounts.sso-attempts-cleanup',
  payload: z.object({}).passthrough(),
  retry: { limit: 2, delaySeconds: 60, backoff: false },
  expireInSeconds: 300,
  async handler(_payload, ctx) {
    const deleted = await deleteExpiredAttempts(ctx.db, ctx.now());
    if (deleted > 0) ctx.log.info({ deleted }, 'expired sign-in attempts deleted');
  },
});
