import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { defineJob } from '../../src/jobs/define.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { workspaces } from '../../src/db/schema/index.js';
import { withTransaction } from '../../src/db/tx.js';
import { createWorkspace } from '../../src/accounts/workspaces.js';
import type { DatabaseHandle } from '../../src/db/types.js';
import { createTestDatabase } from '../support/db.js';
import { silentLog, testServices } from '../support/stack.js';

const ran: Array<{ v: string; attempt: number }> = [];
const failuresBeforeSuccess = new Map<string, number>();

const echo = defineJob({
  name: 'test.echo',
  payload: z.object({ v: z.string() }),
  retry: { limit: 2, delaySeconds: 1, backoff: true },
  singletonKey: (p) => `echo:${p.v}`,
  async handler(p, ctx) {
    const left = failuresBeforeSuccess.get(p.v) ?? 0;
    if (left > 0) {
      failuresBeforeSuccess.set(p.v, left - 1);
      throw new Error(`transient failure of ${p.v}`);
    }
    if (p.v.startsWith('always-fails')) throw new Error('bad data');
    ran.push({ v: p.v, attempt: ctx.retryCount + 1 });
  },
});

let db: DatabaseHandle;
let queue: JobQueue;

async function waitFor(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting');
}

beforeAll(async () => {
  db = await createTestDatabase();
  queue = await JobQueue.start(db, { log: silentLog, registry: [echo], services: testServices(db.db), pollIntervalSeconds: 0.5, supervise: true, schedule: false });
  await queue.startWorkers();
});
afterAll(async () => {
  await queue?.stop(1000);
  await db?.close();
});

describe('jobs on the database', () => {
  it('enqueues inside the transaction that writes the data: both commit together', async () => {
    const ws = await withTransaction(db.db, async (tx) => {
      const w = await createWorkspace(tx, { name: 'Midas Furniture' });
      await queue.enqueue(echo, { v: `created:${w.id}` }, { tx });
      return w;
    });
    await waitFor(() => ran.some((r) => r.v === `created:${ws.id}`));
  });

  it('loses the job when the transaction rolls back', async () => {
    let id = '';
    await expect(
      withTransaction(db.db, async (tx) => {
        const w = await createWorkspace(tx, { name: 'Rolled back' });
        id = w.id;
        await queue.enqueue(echo, { v: `rolled:${w.id}` }, { tx });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.db.select().from(workspaces).where(eq(workspaces.id, id))).toEqual([]);
    const counts = await queue.counts();
    const all = counts.find((c) => c.name === 'test.echo')!;
    await new Promise((r) => setTimeout(r, 1500));
    expect(ran.some((r) => r.v === `rolled:${id}`)).toBe(false);
    expect(all.created + all.active + all.retry).toBe(0);
  });

  it('enqueues a batch in one go, inside the transaction, with the queue\'s retry policy', async () => {
    await withTransaction(db.db, async (tx) => {
      await queue.enqueueMany(echo, [{ v: 'many-1' }, { v: 'many-2' }, { v: 'many-3' }], { tx });
    });
    failuresBeforeSuccess.set('many-fails-once', 1);
    await queue.enqueueMany(echo, [{ v: 'many-fails-once' }]);
    await waitFor(() => ['many-1', 'many-2', 'many-3'].every((v) => ran.some((r) => r.v === v)));
    await waitFor(() => ran.some((r) => r.v === 'many-fails-once' && r.attempt === 2));
    await expect(
      withTransaction(db.db, async (tx) => {
        await queue.enqueueMany(echo, [{ v: 'many-rolled' }], { tx });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await expect(queue.enqueueMany(echo, [{ v: 'ok' }, { v: 1 as unknown as string }])).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 1200));
    expect(ran.some((r) => r.v === 'many-rolled' || r.v === 'ok')).toBe(false);
  });

  it('validates the payload on enqueue', async () => {
    // @ts-expect-error a number is not the declared payload
    await expect(queue.enqueue(echo, { v: 42 })).rejects.toThrow();
  });

  it('refuses a job that is not registered', async () => {
    const stray = defineJob({ name: 'test.stray', payload: z.object({}), handler: async () => undefined });
    await expect(queue.enqueue(stray, {})).rejects.toThrow(/not in the registry/);
  });

  it('retries a failing attempt with backoff and then succeeds', async () => {
    failuresBeforeSuccess.set('flaky', 1);
    await queue.enqueue(echo, { v: 'flaky' });
    await waitFor(() => ran.some((r) => r.v === 'flaky'));
    expect(ran.find((r) => r.v === 'flaky')!.attempt).toBe(2);
  });

  it('keeps a job that exhausted its retries as failed, visible with its error, and re-drivable', async () => {
    await queue.enqueue(echo, { v: 'always-fails-1' });
    await waitFor(async () => (await queue.failedJobs()).some((j) => (j.data as { v: string }).v === 'always-fails-1'));
    const [failed] = (await queue.failedJobs()).filter((j) => (j.data as { v: string }).v === 'always-fails-1');
    expect(failed!.retryCount).toBe(2);
    expect(JSON.stringify(failed!.error)).toContain('bad data');
    expect((await queue.counts()).find((c) => c.name === 'test.echo')!.failed).toBeGreaterThanOrEqual(1);

    await queue.retry('test.echo', failed!.id);
    const counts = await queue.counts();
    const c = counts.find((x) => x.name === 'test.echo')!;
    expect(c.created + c.retry + c.active).toBeGreaterThanOrEqual(1);
  });

  it('deduplicates by singleton key while one is queued', async () => {
    const a = await queue.enqueue(echo, { v: 'dup' }, { startAfter: 60 });
    const b = await queue.enqueue(echo, { v: 'dup' }, { startAfter: 60 });
    expect(a).toBeTruthy();
    expect(b).toBeNull();
  });

  it('registers the schedule table and drops schedules no longer listed', async () => {
    await queue.syncSchedules([{ job: 'test.echo', cron: '*/5 * * * *', tz: 'Asia/Riyadh', data: { v: 'cron' } }]);
    const { rows } = await db.executor.executeSql('select name, cron, timezone from pgboss.schedule', []);
    expect(rows).toEqual([{ name: 'test.echo', cron: '*/5 * * * *', timezone: 'Asia/Riyadh' }]);
    await queue.syncSchedules([]);
    expect((await db.executor.executeSql('select name from pgboss.schedule', [])).rows).toEqual([]);
  });
});

describe('queue counts', () => {
  it('list only our own queues, not pg-boss internals', async () => {
    // pg-boss creates this one when its scheduler first fires.
    await db.executor.executeSql(`select pgboss.create_queue('__pgboss__send-it', '{"policy":"standard"}'::json)`, []);
    expect((await db.executor.executeSql('select name from pgboss.queue', [])).rows.map((r) => r.name)).toContain('__pgboss__send-it');
    expect((await queue.counts()).map((c) => c.name)).toEqual(['test.echo']);
  });
});

describe('stopping a worker', () => {
  it('hands a job still running at the deadline back to the queue for another attempt', async () => {
    let started = false;
    const slow = defineJob({
      name: 'test.slow',
      payload: z.object({}),
      retry: { limit: 3, delaySeconds: 1, backoff: false },
      async handler() {
        started = true;
        await new Promise((r) => setTimeout(r, 10_000));
      },
    });
    const q = await JobQueue.start(db, { log: silentLog, registry: [slow], services: testServices(db.db), pollIntervalSeconds: 0.5, supervise: false, schedule: false });
    await q.startWorkers();
    const id = await q.enqueue(slow, {});
    await waitFor(() => started);
    await q.stop(1000);
    // Failed by the stop, with attempts left: the next worker to poll runs it again.
    const { rows } = await db.executor.executeSql('select state from pgboss.job where id = $1', [id]);
    expect(rows[0]).toEqual({ state: 'retry' });
  });
});
