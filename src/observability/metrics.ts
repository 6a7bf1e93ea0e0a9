import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QueueCounts } from '../jobs/queue.js';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  jobsProcessed: Counter<'queue' | 'outcome'>;
  jobDuration: Histogram<'queue'>;
  /** Reads queue depths at scrape time, so every process reports the shared truth. */
  setQueueSource(source: () => Promise<QueueCounts[]>): void;
}

/** One registry per process (not the global one), so tests can build several apps. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'stratum' });
  collectDefaultMetrics({ register: registry });

  let queueSource: (() => Promise<QueueCounts[]>) | undefined;
  new Gauge({
    name: 'stratum_jobs',
    help: 'Jobs per queue and state (shared across processes)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      if (!queueSource) return;
      try {
        for (const q of await queueSource()) {
          for (const state of ['created', 'retry', 'active', 'completed', 'failed'] as const) {
            this.set({ queue: q.name, state }, q[state]);
          }
        }
      } catch {
        // The readiness probe reports an unreachable queue; a scrape must still answer.
      }
    },
  });

  return {
    registry,
    httpDuration: new Histogram({
      name: 'stratum_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    jobsProcessed: new Counter({
      name: 'stratum_jobs_processed_total',
      help: 'Job attempts finished by this process',
      labelNames: ['queue', 'outcome'] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'stratum_job_duration_seconds',
      help: 'Job attempt duration',
      labelNames: ['queue'] as const,
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
    setQueueSource(source) {
      queueSource = source;
    },
  };
}
