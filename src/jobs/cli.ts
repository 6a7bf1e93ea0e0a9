import pino from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { JobQueue } from './queue.js';
import { jobRegistry } from './registry.js';

/**
 * `npm run jobs -- <command>`: what the queues hold, and re-driving failed jobs.
 *   counts                 jobs per queue and state
 *   failed [limit]         failed jobs, newest first, with their errors
 *   retry <queue> <id>     run a failed job again
 * On the embedded database, stop the app first (it holds the data folder).
 */
const [command = 'counts', ...args] = process.argv.slice(2);

try {
  const config = loadConfig(undefined, 'api');
  const db = await openDatabase(config.db);
  const queue = await JobQueue.start(db, { log: pino({ level: 'warn' }), registry: jobRegistry, pollIntervalSeconds: 60, supervise: false, schedule: false });
  try {
    if (command === 'counts') console.table(await queue.counts());
    else if (command === 'failed') {
      for (const j of await queue.failedJobs(Number(args[0] ?? 20))) {
        const message = (j.error as { message?: string } | null)?.message ?? JSON.stringify(j.error);
        console.log(`${j.completedOn?.toISOString() ?? '?'}  ${j.name}  ${j.id}  attempts=${j.retryCount + 1}  ${message}`);
      }
    } else if (command === 'retry' && args.length === 2) {
      await queue.retry(args[0]!, args[1]!);
      console.log(`Job ${args[1]} of ${args[0]} queued again.`);
    } else {
      console.error('Usage: npm run jobs -- counts | failed [limit] | retry <queue> <id>');
      process.exitCode = 2;
    }
  } finally {
    await queue.stop(1000);
    await db.close();
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : (err as Error).message);
  process.exitCode = 1;
}
