import os from 'node:os';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { defineJob } from '../jobs/define.js';
import { systemHeartbeats } from '../db/schema/system.js';

/**
 * Proves, from any API process, that some worker is alive and the scheduler fires:
 * the status page shows how long ago this last ran.
 */
export const heartbeatJob = defineJob({
  name: 'system.heartbeat',
  payload: z.object({}).passthrough(),
  retry: { limit: 0, delaySeconds: 1, backoff: false },
  expireInSeconds: 60,
  async handler(_payload, ctx) {
    const worker = `${os.hostname()}:${process.pid}`;
    await ctx.db
      .insert(systemHeartbeats)
      .values({ name: 'scheduler', worker, beatAt: ctx.now() })
      .onConflictDoUpdate({ target: systemHeartbeats.name, set: { worker, beatAt: sql`excluded.beat_at` } });
  },
});
