import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { buildHttpApp } from '../../src/http/app.js';
import type { JobServices, RegisteredJob } from '../../src/jobs/define.js';
import { devMailboxTransport } from '../../src/email/dev-mailbox.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { jobRegistry } from '../../src/jobs/registry.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import type { DatabaseHandle, DbOrTx } from '../../src/db/types.js';
import { createTestDatabase } from './db.js';
import { createCrmAdapter } from '../../src/crm/adapters.js';
import type { CrmAdapter } from '../../src/crm/types.js';
import { connectionJobServices, connectionParts } from '../../src/connections/job-services.js';
import type { ConnectionJobServices } from '../../src/connections/services.js';
import type { AdapterContext } from '../../src/platforms/types.js';

export const silentLog = pino({ level: 'silent' });

/** What job handlers get in tests: email into the dev mailbox of the test's own database; the CRM only when given. */
export function testServices(db: DbOrTx, publicUrl = 'http://stratum.test', crm: CrmAdapter | null = null, connections?: ConnectionJobServices): JobServices {
  return {
    email: devMailboxTransport(db),
    publicUrl,
    emailFrom: 'Stratum <hello@stratum.test>',
    crm,
    connections: connections ?? noQueueConnections(),
  };
}

/** Connection services for jobs run without a queue (no platform is configured in tests by default). */
function noQueueConnections(): ConnectionJobServices {
  const config = testConfig();
  return connectionJobServices(connectionParts(config), config.sync, () => {
    throw new Error('this test gave its jobs no queue');
  });
}

/** A fixed key for tests, so nothing is written to ./data. */
export const TEST_TOKEN_KEYS = `test:${Buffer.alloc(32, 7).toString('base64')}`;

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ WEB_DIST_DIR: '.tmp/no-web', SANDBOX_ENABLED: 'false', PORT: '0', TOKEN_ENCRYPTION_KEYS: TEST_TOKEN_KEYS, ...env }, 'all');
}

export interface TestStack {
  config: Config;
  db: DatabaseHandle;
  queue: JobQueue;
  metrics: Metrics;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The HTTP app on a database of its own, as `npm start` composes it, without listening. */
export async function createTestStack(opts: { registry?: readonly RegisteredJob[]; env?: Record<string, string>; adapters?: Partial<AdapterContext> } = {}): Promise<TestStack> {
  const config = testConfig(opts.env);
  const db = await createTestDatabase();
  const metrics = createMetrics();
  const parts = connectionParts(config, opts.adapters);
  let queueRef: JobQueue | null = null;
  const queue = await JobQueue.start(db, {
    log: silentLog,
    registry: opts.registry ?? jobRegistry,
    services: testServices(db.db, config.http.publicUrl, createCrmAdapter(config.crm), connectionJobServices(parts, config.sync, () => queueRef!)),
    pollIntervalSeconds: 0.5,
    supervise: false,
    schedule: false,
  });
  queueRef = queue;
  metrics.setQueueSource(() => queue.counts());
  const app = await buildHttpApp({ config, log: silentLog, db, queue, metrics, startedAt: new Date(), connections: parts });
  return {
    config,
    db,
    queue,
    metrics,
    app,
    async close() {
      await app.close();
      await queue.stop(1000);
      await db.close();
    },
  };
}
