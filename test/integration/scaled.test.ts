import { afterAll, describe, expect, it } from 'vitest';
import { systemHeartbeats } from '../../src/db/schema/index.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { jobRegistry } from '../../src/jobs/registry.js';
import { heartbeatJob } from '../../src/system/heartbeat.job.js';
import { createTestDatabase, testDbKind, type TestDatabase } from '../support/db.js';
import { freePort, spawnStratum, waitForReady, type Spawned } from '../support/process.js';
import { silentLog } from '../support/stack.js';

const procs: Spawned[] = [];
let db: TestDatabase | undefined;
afterAll(async () => {
  await Promise.all(procs.map((p) => p.stop(1000)));
  await db?.close();
});

async function waitForOutput(p: Spawned, text: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!p.output().includes(text)) {
    if (Date.now() > until) throw new Error(`no "${text}" in:\n${p.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The scaled mode needs a PostgreSQL server: it runs on the DATABASE_URL pass.
describe.skipIf(testDbKind() !== 'postgres')('scaled mode on PostgreSQL', () => {
  it('runs two stateless API processes and a worker on one empty database, which they migrate together', async () => {
    db = await createTestDatabase({ empty: true });
    const url = db.url!;
    const [p1, p2] = [await freePort(), await freePort()];
    const common = { DATABASE_URL: url, JOBS_POLL_INTERVAL_SECONDS: '0.5', SHUTDOWN_TIMEOUT_MS: '5000' };
    // Started together: the advisory lock lets one migrate while the others wait.
    const api1 = spawnStratum('api', { ...common, PORT: String(p1) });
    const api2 = spawnStratum('api', { ...common, PORT: String(p2) });
    const worker = spawnStratum('worker', common);
    procs.push(api1, api2, worker);

    await Promise.all([
      waitForReady(`http://127.0.0.1:${p1}`, api1),
      waitForReady(`http://127.0.0.1:${p2}`, api2),
      waitForOutput(worker, 'Stratum is ready'),
    ]);
    expect(api1.output()).not.toContain('Sandbox:');
    expect(worker.output()).not.toContain('App:');

    // A job enqueued by any producer is run by the worker process (not by the APIs).
    const producer = await JobQueue.start(db, { log: silentLog, registry: jobRegistry, pollIntervalSeconds: 60, supervise: false, schedule: false });
    await producer.enqueue(heartbeatJob, {});
    const until = Date.now() + 20_000;
    let rows: Array<{ worker: string }> = [];
    while (rows.length === 0 && Date.now() < until) {
      rows = await db.db.select().from(systemHeartbeats);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(rows).toHaveLength(1);
    await producer.stop(1000);

    // Both APIs see the same state: they keep none of their own.
    const [s1, s2] = await Promise.all(
      [p1, p2].map(async (p) => (await (await fetch(`http://127.0.0.1:${p}/api/v1/system/status`)).json()) as { mode: string; role: string; scheduler: { worker: string } }),
    );
    expect([s1!.mode, s1!.role, s2!.role]).toEqual(['postgres', 'api', 'api']);
    expect(s1!.scheduler.worker).toBe(rows[0]!.worker);
    expect(s2!.scheduler.worker).toBe(rows[0]!.worker);

    expect(await Promise.all([api1, api2, worker].map((p) => p.stop()))).toEqual([0, 0, 0]);
  });
});
