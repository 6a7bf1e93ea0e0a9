import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { openDatabase } from '../db/open.js';
import type { DatabaseHandle } from '../db/types.js';
import { buildHttpApp } from '../http/app.js';
import { JobQueue } from '../jobs/queue.js';
import { jobRegistry } from '../jobs/registry.js';
import { scheduleFor } from '../jobs/schedule.js';
import { createMetrics, type Metrics } from '../observability/metrics.js';
import { createEmailTransport, usesDevMailbox } from '../email/transport.js';
import { createCrmAdapter } from '../crm/adapters.js';
import { connectionJobServices, connectionParts } from '../connections/job-services.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { createWorld } from '../../sandbox/world/index.js';

export interface RunningStratum {
  config: Config;
  db: DatabaseHandle;
  queue: JobQueue;
  metrics: Metrics;
  http?: FastifyInstance;
  sandbox?: RunningSandbox;
  /** Where each part listens (after binding, so port 0 resolves). */
  urls: { app?: string; sandbox?: string; mailbox?: string };
  stop(): Promise<void>;
}

/**
 * Composes the process for its role: `all` (embedded: API + workers + sandbox), `api`
 * (stateless HTTP only) or `worker` (jobs and schedules only). Whatever started is
 * stopped in reverse order, also when a later step fails.
 */
export interface StartOptions {
  /** Runs after the database is open (and so locked) and before the HTTP server is built. */
  beforeListen?: () => Promise<void>;
}

export async function startStratum(config: Config, log: Logger, opts: StartOptions = {}): Promise<RunningStratum> {
  const cleanup: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const fn of cleanup.reverse().splice(0)) {
      try {
        await fn();
      } catch (err) {
        log.error({ err }, 'error while stopping');
      }
    }
  };

  try {
    const db = await openDatabase(config.db, (err) => log.error({ err }, 'database pool error'));
    cleanup.push(() => db.close());
    if (config.db.migrateOnStart) await db.migrate();

    const metrics = createMetrics();
    const runsJobs = config.role !== 'api';
    const connections = connectionParts(config);
    let queueRef: JobQueue | null = null;
    const queue = await JobQueue.start(db, {
      log: log.child({ component: 'jobs' }),
      registry: jobRegistry,
      services: {
        email: createEmailTransport(config.email, db.db, log.child({ component: 'email' })),
        publicUrl: config.http.publicUrl,
        emailFrom: config.email.from,
        crm: createCrmAdapter(config.crm),
        connections: connectionJobServices(connections, config.sync, () => queueRef!),
      },
      pollIntervalSeconds: config.jobs.pollIntervalSeconds,
      supervise: runsJobs,
      schedule: runsJobs && config.jobs.schedulesEnabled,
      onJobDone(name, outcome, seconds) {
        metrics.jobsProcessed.inc({ queue: name, outcome });
        metrics.jobDuration.observe({ queue: name }, seconds);
      },
    });
    queueRef = queue;
    cleanup.push(() => queue.stop(config.shutdownTimeoutMs));
    metrics.setQueueSource(() => queue.counts());
    if (runsJobs) {
      if (config.jobs.schedulesEnabled) await queue.syncSchedules(scheduleFor(config.sync));
      await queue.startWorkers();
    }

    const running: RunningStratum = { config, db, queue, metrics, urls: {}, stop: stopAll };

    if (config.sandbox.enabled) {
      const world = createWorld({ seed: config.sandbox.seed, ...(config.sandbox.faults ? { faults: config.sandbox.faults } : {}) });
      running.sandbox = await startSandbox({ host: config.sandbox.host, port: config.sandbox.port, logger: log.child({ component: 'sandbox' }), world });
      cleanup.push(() => running.sandbox!.close());
      running.urls.sandbox = running.sandbox.url;
    }

    if (config.role !== 'worker') {
      if (config.web.buildOnStart) await opts.beforeListen?.();
      const http = await buildHttpApp({ config, log, db, queue, metrics, startedAt: new Date(), connections });
      // Registered last so it closes first: stop taking requests, let in-flight ones finish.
      cleanup.push(() => http.close());
      await http.listen({ host: config.http.host, port: config.http.port });
      const addr = http.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.http.port;
      running.http = http;
      running.urls.app = config.http.port === 0 ? config.http.publicUrl.replace(/:\d+$/, `:${port}`) : config.http.publicUrl;
      if (usesDevMailbox(config.email)) running.urls.mailbox = `${running.urls.app}/dev/mailbox`;
    }
    return running;
  } catch (err) {
    await stopAll();
    throw err;
  }
}
