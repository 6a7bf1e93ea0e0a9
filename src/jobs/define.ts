import type { z } from 'zod';
import type { Logger } from 'pino';
import type { Db } from '../db/types.js';
import type { EmailTransport } from '../email/types.js';
import type { CrmAdapter } from '../crm/types.js';
import type { ConnectionJobServices } from '../connections/services.js';

/** What job handlers may use besides the database: built once per process at start. */
export interface JobServices {
  email: EmailTransport;
  /** Where links in email point (PUBLIC_URL). */
  publicUrl: string;
  emailFrom: string;
  /** The CRM that leads are pushed to (config `CRM_PROVIDER`); null when none is configured. */
  crm: CrmAdapter | null;
  /** Token vault, platform adapters and sync settings for the ad account sync. */
  connections: ConnectionJobServices;
}

export interface RetryPolicy {
  /** Attempts after the first one. */
  limit: number;
  /** Seconds before the first retry; doubled on each later one when `backoff` is set. */
  delaySeconds: number;
  backoff: boolean;
}

export interface JobContext {
  db: Db;
  log: Logger;
  jobId: string;
  /** 0 on the first attempt. */
  retryCount: number;
  now: () => Date;
  services: JobServices;
}

/**
 * What a failed attempt's error may tell the queue, whatever threw it: `retryable: false`
 * (no retry can help: the job fails now instead of retrying) or `retryAfterSeconds` (the next
 * retry waits at least that long, e.g. a 429's Retry-After). Other errors retry as the policy says.
 */
export function failureHintOf(err: unknown): { retryable: boolean; retryAfterSeconds: number | null } {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { retryable?: unknown; retryAfterSeconds?: unknown };
  return {
    retryable: e.retryable !== false,
    retryAfterSeconds: typeof e.retryAfterSeconds === 'number' && e.retryAfterSeconds > 0 ? e.retryAfterSeconds : null,
  };
}

/** What the queue needs to know of any job, whatever its payload type. */
export interface RegisteredJob {
  name: string;
  retry: RetryPolicy;
  /** An attempt running longer than this is failed (and retried if the policy allows). */
  expireInSeconds: number;
  /** How many of this job one worker process runs at once. */
  concurrency: number;
  /** Jobs with a singleton key get a queue that holds at most one queued job per key. */
  deduplicated: boolean;
  /** Validates a stored payload and runs the handler. */
  run(raw: unknown, ctx: JobContext): Promise<void>;
}

export interface JobDefinition<S extends z.ZodType> extends RegisteredJob {
  payload: S;
  /** Jobs with the same key are deduplicated while one waits in the queue (e.g. `sync:<connection id>`). */
  singletonKey?: (payload: z.output<S>) => string;
}

const DEFAULT_RETRY: RetryPolicy = { limit: 5, delaySeconds: 10, backoff: true };

export interface JobSpec<S extends z.ZodType> {
  name: string;
  payload: S;
  handler: (payload: z.output<S>, ctx: JobContext) => Promise<void>;
  retry?: RetryPolicy;
  expireInSeconds?: number;
  concurrency?: number;
  singletonKey?: (payload: z.output<S>) => string;
}

/** Declares a job; its payload schema is checked on enqueue and again when it runs. */
export function defineJob<S extends z.ZodType>(spec: JobSpec<S>): JobDefinition<S> {
  if (!/^[a-z][a-z0-9_.-]*$/.test(spec.name)) throw new Error(`Bad job name: ${spec.name}`);
  return {
    name: spec.name,
    payload: spec.payload,
    retry: spec.retry ?? DEFAULT_RETRY,
    expireInSeconds: spec.expireInSeconds ?? 15 * 60,
    concurrency: spec.concurrency ?? 1,
    deduplicated: spec.singletonKey !== undefined,
    ...(spec.singletonKey ? { singletonKey: spec.singletonKey } : {}),
    run: (raw, ctx) => spec.handler(spec.payload.parse(raw), ctx),
  };
}
