import { z } from 'zod';
import { defineJob } from '../jobs/define.js';
import { deleteOldAttempts } from './oauth-flow.js';

/** Hourly: connect attempts older than a day (spent or abandoned) are removed. */
export const oauthAttemptsCleanupJob = defineJob({
  name: 'connections.oauth-attempts-cleanup',
  payload: z.object({}).passthrough(),
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  expireInSeconds: 120,
  async handler(_p, ctx) {
    const removed = await deleteOldAttempts({ db: ctx.db, now: ctx.now });
    if (removed > 0) ctx.log.info({ removed }, 'old connect attempts removed');
  },
});
