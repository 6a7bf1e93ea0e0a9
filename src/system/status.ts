import { eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/types.js';
import { systemHeartbeats } from '../db/schema/system.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Readiness, SystemStatus } from './status.schema.js';
import { version } from '../version.js';
import { crmPushCounts } from '../crm/status.js';

export interface StatusDeps {
  config: Config;
  db: DatabaseHandle;
  queue: JobQueue;
  startedAt: Date;
  now?: () => Date;
}

/** A probe must answer even when what it probes hangs. */
async function timed<T>(fn: () => Promise<T>, timeoutMs = 2000): Promise<{ ok: boolean; latencyMs: number | null; value?: T; error?: string }> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const value = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round((performance.now() - t0) * 10) / 10, value };
  } catch (err) {
    return { ok: false, latencyMs: null, error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(deps: Pick<StatusDeps, 'db' | 'queue'>): Promise<Readiness> {
  const [database, queue] = await Promise.all([timed(() => deps.db.ping()), timed(() => deps.queue.ping())]);
  const strip = ({ value: _v, ...rest }: { ok: boolean; latencyMs: number | null; value?: unknown; error?: string }) => rest;
  return {
    status: database.ok && queue.ok ? 'ok' : 'unavailable',
    checks: { database: strip(database), queue: strip(queue) },
  };
}

export async function getSystemStatus(deps: StatusDeps): Promise<SystemStatus> {
  const now = deps.now?.() ?? new Date();
  const [database, queue, beat, crm] = await Promise.all([
    timed(() => deps.db.ping()),
    timed(() => deps.queue.counts()),
    timed(() => deps.db.db.select().from(systemHeartbeats).where(eq(systemHeartbeats.name, 'scheduler'))),
    timed(() => crmPushCounts(deps.db.db)),
  ]);
  const heartbeat = beat.value?.[0];
  return {
    version,
    mode: deps.config.db.kind === 'pglite' ? 'embedded' : 'postgres',
    role: deps.config.role,
    uptimeSeconds: Math.round((now.getTime() - deps.startedAt.getTime()) / 1000),
    database: { ok: database.ok, latencyMs: database.latencyMs, ...(database.error ? { error: database.error } : {}) },
    queue: {
      ok: queue.ok,
      latencyMs: queue.latencyMs,
      ...(queue.error ? { error: queue.error } : {}),
      queues: queue.value ?? [],
    },
    scheduler: {
      lastHeartbeatAt: heartbeat?.beatAt.toISOString() ?? null,
      ageSeconds: heartbeat ? Math.max(0, Math.round((now.getTime() - heartbeat.beatAt.getTime()) / 1000)) : null,
      worker: heartbeat?.worker ?? null,
    },
    crm: {
      provider: deps.config.crm.provider,
      ok: crm.ok,
      ...(crm.error ? { error: crm.error } : {}),
      pushes: crm.value ?? null,
    },
  };
}
