/**
 * npm run bench:startup — how long Stratum takes to become ready, and how much memory it
 * holds once ready: first start on a new embedded data folder (creates the database),
 * a restart on the same folder, and (when PostgreSQL answers) the API role on PostgreSQL.
 * Each case runs RUNS times (default 3); the median is reported. Results go in docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, spawnStratum, waitForReady } from '../test/support/process.js';

const RUNS = Number(process.env.RUNS ?? 3);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Sample {
  readyMs: number;
  rssMb: number;
}

async function once(role: 'all' | 'api', env: Record<string, string>): Promise<Sample> {
  const port = await freePort();
  const t0 = performance.now();
  const p = spawnStratum(role, { ...env, PORT: String(port), SANDBOX_PORT: String(await freePort()), WEB_BUILD_ON_START: 'false' });
  const url = `http://127.0.0.1:${port}`;
  await waitForReady(url, p, 120_000);
  const readyMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 1000));
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const rss = Number(/^process_resident_memory_bytes\{[^}]*\} (\d+)/m.exec(metrics)?.[1] ?? 0);
  const code = await p.stop();
  if (code !== 0) throw new Error(`exit code ${code}:\n${p.output().slice(-2000)}`);
  return { readyMs, rssMb: rss / 1024 / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function bench(name: string, run: () => Promise<Sample>): Promise<void> {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await run());
  const ready = median(samples.map((s) => s.readyMs));
  const rss = median(samples.map((s) => s.rssMb));
  console.log(`| ${name} | ${(ready / 1000).toFixed(2)} s | ${rss.toFixed(0)} MB | ${RUNS} |`);
}

console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log('| Case | Ready after (median) | RSS when ready (median) | Runs |\n|---|---|---|---|');

await bench('Embedded, first start (new data folder)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-bench-'));
  try {
    return await once('all', { DATA_DIR: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const kept = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-bench-'));
await once('all', { DATA_DIR: kept });
await bench('Embedded, restart (existing data folder)', () => once('all', { DATA_DIR: kept }));
fs.rmSync(kept, { recursive: true, force: true });

const probe = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
const pgUp = await probe.connect().then(
  () => true,
  () => false,
);
if (pgUp) {
  await probe.end();
  await bench('API role on PostgreSQL (migrated)', () => once('api', { DATABASE_URL: PG_URL }));
} else {
  console.log(`(PostgreSQL not reachable at ${PG_URL}: that case skipped)`);
}
