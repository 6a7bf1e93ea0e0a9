import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { DatabaseHandle, Tx } from '../db/types.js';
import { transactionExecutor } from '../db/tx.js';
import { failureHintOf, type JobDefinition, type JobServices, type RegisteredJob } from './define.js';
import type { ScheduleEntry } from './schedule.js';

export const BOSS_SCHEMA = 'pgboss';
/** Failed jobs stay in the live table this long (visible, re-drivable), then in the archive for a week. */
const KEEP_FAILED_SECONDS = 30 * 24 * 3600;

export interface QueueCounts {
  name: string;
  created: number;
  retry: number;
  active: number;
  completed: number;
  failed: number;
}

export interface FailedJob {
  id: string;
  name: string;
  data: unknown;
  error: unknown;
  retryCount: number;
  createdOn: Date;
  completedOn: Date | null;
}

export interface EnqueueOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Tx;
  startAfter?: Date | number;
}

export type JobOutcome = 'completed' | 'failed';

export interface JobQueueOptions {
  log: Logger;
  registry: readonly RegisteredJob[];
  pollIntervalSeconds: number;
  /** Maintenance (expiry, archiving) and cron processing; on in worker processes only. */
  supervise: boolean;
  schedule: boolean;
  now?: () => Date;
  /** Needed by processes that run jobs; producers (the API) may leave it out. */
  services?: JobServices;
  onJobDone?: (name: string, outcome: JobOutcome, seconds: number) => void;
}

/**
 * pg-boss, on either database, behind the few operations Stratum uses. The API and the
 * workers share it: the API only enqueues; workers also fetch, run and schedule.
 */
export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly handle: DatabaseHandle,
    private readonly opts: JobQueueOptions,
  ) {}

  static async start(handle: DatabaseHandle, opts: JobQueueOptions): Promise<JobQueue> {
    const boss = new PgBoss({
      db: handle.executor,
      schema: BOSS_SCHEMA,
      supervise: opts.supervise,
      schedule: opts.schedule,
      migrate: true,
      archiveFailedAfterSeconds: KEEP_FAILED_SECONDS,
      archiveCompletedAfterSeconds: 24 * 3600,
    } as PgBoss.ConstructorOptions);
    boss.on('error', (err) => opts.log.error({ err }, 'job queue error'));
    const queue = new JobQueue(boss, handle, opts);
    // pg-boss checks for its schema and then creates it, which races when several
    // processes start together on a new database: one at a time.
    await handle.withStartupLock(async () => {
      await boss.start();
      await queue.ensureQueues();
    });
    return queue;
  }

  private async ensureQueues(): Promise<void> {
    for (const job of this.opts.registry) {
      const options: PgBoss.Queue = {
        name: job.name,
        // pg-boss's "short" policy: one queued (not yet running) job per singleton key.
        policy: job.deduplicated ? 'short' : 'standard',
        retryLimit: job.retry.limit,
        retryDelay: job.retry.delaySeconds,
        retryBackoff: job.retry.backoff,
        expireInSeconds: job.expireInSeconds,
      };
      await this.boss.createQueue(job.name, options);
      // createQueue leaves an existing queue as it was; a changed policy must still apply.
      await this.boss.updateQueue(job.name, options);
    }
  }

  async enqueue<S extends z.ZodType>(
    def: JobDefinition<S>,
    payload: z.input<S>,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    if (!this.opts.registry.includes(def)) throw new Error(`Job ${def.name} is not in the registry`);
    const data = def.payload.parse(payload) as object;
    const send: PgBoss.SendOptions = {};
    if (def.singletonKey) send.singletonKey = def.singletonKey(data as z.output<S>);
    if (options.startAfter !== undefined) send.startAfter = options.startAfter;
    if (options.tx) send.db = transactionExecutor(options.tx) as PgBoss.Db;
    return this.boss.send(def.name, data, send);
  }

  /**
   * Many jobs of one kind in one INSERT (a batch of leads owes one job each); the queue's
   * retry policy applies as for `enqueue`. pg-boss returns no ids for a batch.
   */
  async enqueueMany<S extends z.ZodType>(def: JobDefinition<S>, payloads: readonly z.input<S>[], options: EnqueueOptions = {}): Promise<void> {
    if (!this.opts.registry.includes(def)) throw new Error(`Job ${def.name} is not in the registry`);
    if (payloads.length === 0) return;
    const jobs: PgBoss.JobInsert[] = payloads.map((payload) => {
      const data = def.payload.parse(payload) as object;
      const job: PgBoss.JobInsert = { name: def.name, data };
      if (def.singletonKey) job.singletonKey = def.singletonKey(data as z.output<S>);
      // A number means seconds from now, as for `send`; insert takes an interval string.
      if (options.startAfter !== undefined) job.startAfter = typeof options.startAfter === 'number' ? `${options.startAfter} seconds` : options.startAfter;
      return job;
    });
    await this.boss.insert(jobs, options.tx ? { db: transactionExecutor(options.tx) as PgBoss.Db } : {});
  }

  /** Starts polling every registered queue. */
  async startWorkers(): Promise<void> {
    const now = this.opts.now ?? (() => new Date());
    const services = this.opts.services;
    if (!services) throw new Error('JobQueue: services are required to run jobs');
    for (const job of this.opts.registry) {
      for (let i = 0; i < job.concurrency; i++) {
        await this.boss.work<unknown>(
          job.name,
          { batchSize: 1, pollingIntervalSeconds: this.opts.pollIntervalSeconds, includeMetadata: true },
          async (jobs) => {
            for (const j of jobs) {
              const log = this.opts.log.child({ job: job.name, jobId: j.id, attempt: j.retryCount + 1 });
              const t0 = performance.now();
              try {
                await job.run(j.data, { db: this.handle.db, log, jobId: j.id, retryCount: j.retryCount, now, services });
                this.opts.onJobDone?.(job.name, 'completed', (performance.now() - t0) / 1000);
              } catch (err) {
                this.opts.onJobDone?.(job.name, 'failed', (performance.now() - t0) / 1000);
                log.warn({ err, retryLimit: j.retryLimit }, 'job attempt failed');
                await this.settleFailure(j.id, err).catch((e: unknown) => log.error({ err: e }, 'could not apply the error\'s retry hint'));
                throw err;
              }
            }
          },
        );
      }
    }
  }

  /**
   * Applies what the error says before pg-boss records the failure (it reads these columns of
   * the job's row then): no retry at all, or a first retry no sooner than `retryAfterSeconds`
   * (pg-boss waits `retry_delay × 2^retry_count` to twice that with backoff; the base is raised to fit).
   */
  private async settleFailure(id: string, err: unknown): Promise<void> {
    const hint = failureHintOf(err);
    if (!hint.retryable) {
      await this.handle.executor.executeSql(`update ${BOSS_SCHEMA}.job set retry_limit = retry_count where id = $1 and state = 'active'`, [id]);
    } else if (hint.retryAfterSeconds !== null) {
      await this.handle.executor.executeSql(
        `update ${BOSS_SCHEMA}.job
            set retry_delay = greatest(retry_delay, ceil($2::numeric / case when retry_backoff then 2 ^ least(16, retry_count) else 1 end)::int)
          where id = $1 and state = 'active'`,
        [id, Math.ceil(hint.retryAfterSeconds)],
      );
    }
  }

  /** Makes pg-boss's schedules match `entries`: adds, updates, and removes what is gone. */
  async syncSchedules(entries: readonly ScheduleEntry[]): Promise<void> {
    const wanted = new Set(entries.map((e) => e.job));
    for (const existing of await this.boss.getSchedules()) {
      if (!wanted.has(existing.name)) await this.boss.unschedule(existing.name);
    }
    for (const e of entries) await this.boss.schedule(e.job, e.cron, e.data ?? {}, { tz: e.tz });
  }

  /** Cheap reachability check of the queue's tables (for readiness probes, called often). */
  async ping(): Promise<void> {
    await this.handle.executor.executeSql(`select version from ${BOSS_SCHEMA}.version`, []);
  }

  async counts(): Promise<QueueCounts[]> {
    const { rows } = await this.handle.executor.executeSql(
      `select q.name, j.state, count(j.id)::int as n
         from ${BOSS_SCHEMA}.queue q left join ${BOSS_SCHEMA}.job j on j.name = q.name
        where q.name not like '\\_\\_pgboss\\_\\_%'  -- pg-boss's own internal queues
        group by q.name, j.state order by q.name`,
      [],
    );
    const byName = new Map<string, QueueCounts>();
    for (const r of rows) {
      const name = String(r.name);
      const c = byName.get(name) ?? { name, created: 0, retry: 0, active: 0, completed: 0, failed: 0 };
      const state = r.state as keyof Omit<QueueCounts, 'name'> | null;
      if (state && state in c) c[state] += Number(r.n);
      byName.set(name, c);
    }
    return [...byName.values()];
  }

  /** Failed jobs, newest first, from the live table and the archive. */
  async failedJobs(limit = 50): Promise<FailedJob[]> {
    const { rows } = await this.handle.executor.executeSql(
      `select id, name, data, output, retry_count, created_on, completed_on from (
         select id, name, data, output, retry_count, created_on, completed_on from ${BOSS_SCHEMA}.job where state = 'failed'
         union all
         select id, name, data, output, retry_count, created_on, completed_on from ${BOSS_SCHEMA}.archive where state = 'failed'
       ) f order by completed_on desc nulls last limit $1`,
      [limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      data: r.data,
      error: r.output,
      retryCount: Number(r.retry_count),
      createdOn: new Date(r.created_on as string),
      completedOn: r.completed_on ? new Date(r.completed_on as string) : null,
    }));
  }

  /** Re-drives a failed job (it runs again with a fresh attempt). */
  async retry(name: string, id: string): Promise<void> {
    await this.boss.retry(name, id);
  }

  /**
   * Stops fetching, waits up to `timeoutMs` for running jobs, then fails the rest so
   * another worker retries them. The database itself is closed by its owner.
   */
  async stop(timeoutMs: number): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
  }
}
