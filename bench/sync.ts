/**
 * npm run bench:sync — the initial sync of a large sandbox ad account (200 campaigns, 2,000 ad
 * sets, 10,000 ads, 30 days: up to 300,000 ad-day rows) on PostgreSQL and on PGlite: wall time,
 * rows/s and peak memory of the syncing process. The sandbox runs in its own process, as the
 * platform would. The ceiling is the database alone writing the same rows (INSERT … SELECT of
 * the synced rows into a copy of the table, same indexes), and the ratio.
 * Each sync runs in a child process whose V8 heap is capped (BENCH_HEAP_MB, default 128; `0` for
 * no cap): V8 otherwise grows the heap lazily on a large machine, and the peak RSS would say more
 * about its heuristics than about what the sync needs. A sync that buffered the account would not
 * finish under the cap.
 * PLATFORM (default meta; `all` for the four), BENCH_DATABASE_URL. Results go in docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { freePort } from '../test/support/process.js';
import { openDatabase } from '../src/db/open.js';
import { openPostgres } from '../src/db/postgres.js';
import type { DatabaseHandle } from '../src/db/types.js';
import { createWorkspace } from '../src/accounts/workspaces.js';
import { newId } from '../src/db/ids.js';
import { users, workspaces } from '../src/db/schema/index.js';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { connectionParts } from '../src/connections/job-services.js';
import { completeConnection, startConnection } from '../src/connections/oauth-flow.js';
import { selectAccounts } from '../src/connections/accounts.js';
import { syncAccount } from '../src/connections/sync/sync-account.js';
import { consent } from '../src/platforms/testing/consent.js';
import { platformIds, type PlatformId } from '../src/platforms/types.js';
import { queryRows } from '../src/db/rows.js';
import type { JobQueue } from '../src/jobs/queue.js';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const which = process.env.PLATFORM ?? 'meta';
const platforms: PlatformId[] = which === 'all' ? [...platformIds] : [which as PlatformId];
const log = pino({ level: 'warn' });

async function startSandboxProcess(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts'], { env: { ...process.env, SANDBOX_PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/_sandbox/health`)).ok) return { url, stop: () => child.kill('SIGTERM') };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the sandbox did not start');
}

/** Samples this process's memory while `fn` runs; returns the peaks in MB. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMb: number; peakHeapMb: number }> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 25);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, seconds: (performance.now() - t0) / 1000, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function benchOne(kind: 'postgres' | 'pglite', sandboxUrl: string, platform: PlatformId) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-bench-sync-'));
  // As the app opens it: PGlite's module is loaded only for the PGlite run.
  const db: DatabaseHandle = await openDatabase(kind === 'postgres' ? { kind, url: PG_URL, poolMax: 10, connectTimeoutMs: 5000, migrateOnStart: true } : { kind, dataDir, migrateOnStart: true });
  try {
    await db.migrate();
    const config = loadConfig({ PLATFORMS_SANDBOX_URL: sandboxUrl, SANDBOX_ENABLED: 'false', TOKEN_ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 3).toString('base64')}` }, 'worker');
    const parts = connectionParts(config);
    const now = () => new Date();
    const s = { db: db.db, ...parts, publicUrl: 'http://stratum.bench', now };
    const ws = await createWorkspace(db.db, { name: 'Scale Test Store' });
    const userId = newId('user');
    await db.db.insert(users).values({ id: userId, workspaceId: ws.id, email: `${userId}@bench.example`, fullName: 'Bench', role: 'owner', status: 'verified', verifiedAt: new Date() });
    const user = { userId, workspaceId: ws.id, role: 'owner' as const };

    const authorize = await startConnection(s, user, 'bench-session', platform);
    const back = await consent(authorize, { person: 'scale' });
    await completeConnection(s, user, 'bench-session', platform, {
      code: back.searchParams.get('code') ?? back.searchParams.get('auth_code') ?? undefined,
      state: back.searchParams.get('state') ?? undefined,
    });
    const accounts = (await queryRows<{ available_accounts: Array<{ externalId: string; name: string }> }>(db.db, sql`select available_accounts from platform_connections where workspace_id = ${ws.id}`))[0]!.available_accounts;
    const large = accounts.find((a) => a.name.includes('Scale')) ?? accounts[0]!;
    // No queue here: the sync runs in this process, timed, instead of in a worker.
    const noQueue = { enqueueMany: async () => undefined } as unknown as JobQueue;
    await selectAccounts({ db: db.db, now, queue: noQueue }, user, platform, [large.externalId]);
    const [acct] = await queryRows<{ id: string }>(db.db, sql`select id from ad_accounts where workspace_id = ${ws.id}`);

    const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
    const run = await measured(() => syncAccount(s, { initialDays: 30, lookbackDays: 3 }, { workspaceId: ws.id, adAccountId: acct!.id }, log));
    const [counts] = await queryRows<{ rows: number; entities: number }>(
      db.db,
      sql`select (select count(*)::int from ad_daily_metrics where workspace_id = ${ws.id}) as rows, (select count(*)::int from ad_entities where workspace_id = ${ws.id}) as entities`,
    );

    const { rows, entities } = counts!;
    // The ceiling: the database alone writing the same rows into a table of the same shape.
    await db.db.execute(sql`drop table if exists bench_sync_ceiling`);
    await db.db.execute(sql`create table bench_sync_ceiling (like ad_daily_metrics including all)`);
    const t0 = performance.now();
    await db.db.execute(sql`insert into bench_sync_ceiling select * from ad_daily_metrics where workspace_id = ${ws.id}`);
    const ceilingSeconds = (performance.now() - t0) / 1000;
    await db.db.execute(sql`drop table bench_sync_ceiling`);
    await db.db.delete(workspaces).where(eq(workspaces.id, ws.id));

    return { kind, platform, seconds: run.seconds, rows, entities, baselineRssMb, peakRssMb: run.peakRssMb, peakHeapMb: run.peakHeapMb, ceilingSeconds };
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 128);

type Result = Awaited<ReturnType<typeof benchOne>>;

/** Runs one sync in a child process (heap capped) and reads its result line. */
function inChild(kind: 'postgres' | 'pglite', sandboxUrl: string, platform: PlatformId): Promise<Result> {
  return new Promise((resolve, reject) => {
    const heap = HEAP_MB > 0 ? [`--max-old-space-size=${HEAP_MB}`] : [];
    const child = spawn(process.execPath, [...heap, '--import', 'tsx', 'bench/sync.ts'], {
      env: { ...process.env, BENCH_CHILD: JSON.stringify({ kind, sandboxUrl, platform }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice(7)) as Result);
      else reject(new Error(`the ${kind} ${platform} sync exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

if (process.env.BENCH_CHILD) {
  const { kind, sandboxUrl, platform } = JSON.parse(process.env.BENCH_CHILD) as { kind: 'postgres' | 'pglite'; sandboxUrl: string; platform: PlatformId };
  console.log('RESULT ' + JSON.stringify(await benchOne(kind, sandboxUrl, platform)));
  process.exit(0);
}

const pgUp = await openPostgres({ url: PG_URL, poolMax: 1, connectTimeoutMs: 2000 }).then(
  (h) => h.close().then(() => true),
  () => false,
);
const sandbox = await startSandboxProcess();
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(`Heap cap of each syncing process: ${HEAP_MB > 0 ? `${HEAP_MB} MB` : 'none'}`);
console.log('| Database | Platform | Ad-day rows | Entities | Wall time | Rows/s | RSS before | Peak RSS | Peak heap | DB alone (ceiling) | Ratio |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
try {
  for (const kind of pgUp ? (['postgres', 'pglite'] as const) : (['pglite'] as const)) {
    for (const platform of platforms) {
      const r = await inChild(kind, sandbox.url, platform);
      console.log(
        `| ${kind === 'postgres' ? 'PostgreSQL 15' : 'PGlite'} | ${platform} | ${r.rows} | ${r.entities} | ${r.seconds.toFixed(1)} s | ${Math.round(r.rows / r.seconds)} | ${r.baselineRssMb.toFixed(0)} MB | ${r.peakRssMb.toFixed(0)} MB | ${r.peakHeapMb.toFixed(0)} MB | ${r.ceilingSeconds.toFixed(1)} s | ${((r.ceilingSeconds / r.seconds) * 100).toFixed(0)}% |`,
      );
    }
  }
} finally {
  sandbox.stop();
}
