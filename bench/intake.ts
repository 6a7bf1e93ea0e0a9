/**
 * npm run bench:intake — sustained load on the landing intake from a second process
 * (autocannon), on PGlite and on PostgreSQL:
 *   - POST /api/v1/landing-cms/lead and POST /api/v1/events/collect: requests/s, p50/p99,
 *     and whether every acknowledged lead is in the database (zero lost);
 *   - the ceiling: a bare Fastify route doing one INSERT on the same database, and the ratio;
 *   - signup throughput with argon2id while /healthz keeps answering (p99);
 *   - the landing page's JavaScript (gzip), from the built web app.
 * DURATION (s, default 15) and CONNECTIONS (default 20) tune it; BENCH_CRM=none runs without a CRM. Results go in docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { freePort, spawnStratum, waitForReady } from '../test/support/process.js';
import { landingTransfer } from '../src/runtime/landing-budget.js';

const DURATION = Number(process.env.DURATION ?? 15);
// BENCH_ONLY=lead: the ceiling and the lead route only (quick comparisons); BENCH_DB=pglite|postgres: one database.
const LEAD_ONLY = process.env.BENCH_ONLY === 'lead';
const ONLY_DB = process.env.BENCH_DB;
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const run = process.pid;
let seq = 0;
const unique = () => `${run}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
// Many clients, as on a real landing page: each request comes from its own address.
const randomIp = () => `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}`;

function fire(
  url: string,
  pathName: string,
  body: () => Record<string, unknown>,
  connections = CONNECTIONS,
  duration = DURATION,
  onAck?: (responseBody: string) => void,
): Promise<Result> {
  return autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: pathName,
        setupRequest: (req) => ({
          ...req,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': randomIp() },
          body: JSON.stringify(body()),
        }),
        ...(onAck ? { onResponse: (status: number, responseBody: string) => void (status === 201 && onAck(responseBody)) } : {}),
      },
    ],
  });
}

// As the landing page sends it: with the browser's anonymous visitor id (its touches are merged server-side).
const leadBody = () => ({
  visitor_id: `v${unique().replaceAll('-', '')}`.slice(0, 60),
  email: `lead-${unique()}@midasfurniture.com`,
  full_name: 'Ahmed Al-Hassan',
  company_name: 'Midas Furniture',
  phone: '+966501234567',
  language: 'en',
  source_page: 'bench',
  landing_url: 'https://stratum.example/?utm_source=facebook&utm_medium=cpc&utm_campaign=automation_launch&fbclid=IwAR3bench',
  referrer_url: 'https://facebook.com',
});
const collectBody = () => ({
  visitor_id: `bench${unique().replaceAll('-', '')}`.slice(0, 60),
  events: [
    { event_id: `evt-${unique()}`, name: 'PageView', url: 'https://stratum.example/', occurred_at: new Date().toISOString() },
    { event_id: `evt-${unique()}`, name: 'ScrollDepth', value: 50, url: 'https://stratum.example/', occurred_at: new Date().toISOString() },
  ],
});

const row = (name: string, r: Result, extra = '') =>
  `| ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r['2xx']} | ${r.non2xx + r.errors} | ${extra} |`;

/** How many of the acknowledged lead ids are really in the database. */
async function countStored(kind: 'pglite' | 'postgres', where: { dataDir?: string; url?: string }, ids: string[]): Promise<number> {
  const sql = 'select count(*)::int as n from leads where id = any($1)';
  if (kind === 'postgres') {
    const c = new pg.Client({ connectionString: where.url });
    await c.connect();
    const { rows } = await c.query<{ n: number }>(sql, [ids]);
    await c.end();
    return rows[0]!.n;
  }
  const { openPglite } = await import('../src/db/pglite.js');
  const h = await openPglite({ dataDir: where.dataDir! });
  const { rows } = await h.executor.executeSql(sql, [ids]);
  await h.close();
  return Number(rows[0]!.n);
}

async function freshPgDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function ceiling(kind: 'pglite' | 'postgres'): Promise<{ result: Result; stored: number; acked: number }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-ceiling-'));
  const url = kind === 'postgres' ? await freshPgDatabase(`stratum_bench_ceiling_${run}`) : undefined;
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['bench/ceiling-server.ts'], {
    env: { ...process.env, PORT: String(port), ...(url ? { DATABASE_URL: url } : { DATA_DIR: dataDir, DATABASE_URL: '' }) },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
  const result = await fire(`http://127.0.0.1:${port}`, '/insert', leadBody);
  const stored = ((await (await fetch(`http://127.0.0.1:${port}/count`)).json()) as { n: number }).n;
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { result, stored, acked: result['2xx'] };
}

async function intake(kind: 'pglite' | 'postgres') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-intake-'));
  const url = kind === 'postgres' ? await freshPgDatabase(`stratum_bench_intake_${run}`) : undefined;
  const port = await freePort();
  // As `npm start` runs: embedded, the sandbox runs and every lead is owed to its HubSpot (the
  // worker in the same process delivers them during the run). The API role on PostgreSQL owes
  // every lead to a HubSpot no worker reaches during the run, so the push is queued, not sent.
  const env = {
    PORT: String(port),
    WEB_BUILD_ON_START: 'false',
    TRUST_PROXY: 'true',
    JOBS_SCHEDULES_ENABLED: 'false',
    ...(url
      ? { DATABASE_URL: url, CRM_PROVIDER: 'hubspot', HUBSPOT_API_URL: 'http://127.0.0.1:9', HUBSPOT_ACCESS_TOKEN: 'pat-bench' }
      : { DATA_DIR: dataDir, SANDBOX_ENABLED: 'true', SANDBOX_PORT: String(await freePort()) }),
    // BENCH_CRM=none: the same run with no CRM configured, to see what the outbox costs.
    ...(process.env.BENCH_CRM === 'none' ? { CRM_PROVIDER: 'none' } : {}),
  };
  const app = spawnStratum(kind === 'postgres' ? 'api' : 'all', env);
  const base = `http://127.0.0.1:${port}`;
  await waitForReady(base, app, 120_000);
  const acked: string[] = [];
  const lead = await fire(base, '/api/v1/landing-cms/lead', leadBody, CONNECTIONS, DURATION, (b) => acked.push((JSON.parse(b) as { lead_id: string }).lead_id));
  if (LEAD_ONLY) {
    await app.stop();
    const storedLeads = await countStored(kind, url ? { url } : { dataDir }, acked);
    fs.rmSync(dataDir, { recursive: true, force: true });
    return { lead, collect: null, signup: null, health: null, storedLeads, acked: acked.length };
  }
  const collect = await fire(base, '/api/v1/events/collect', collectBody);

  // Signups hash with argon2id on the thread pool; /healthz must stay quick meanwhile.
  const [signup, health] = await Promise.all([
    fire(base, '/api/v1/landing-cms/subscribe', () => ({ ...leadBody(), email: `s-${unique()}@midasfurniture.com`, password: 'correct horse battery' }), 8, 10),
    autocannon({ url: `${base}/healthz`, connections: 1, duration: 10 }),
  ]);
  await app.stop();
  const where = url ? { url } : { dataDir };
  const storedLeads = await countStored(kind, where, acked);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { lead, collect, signup, health, storedLeads, acked: acked.length };
}

/** What `/` makes the browser fetch before any interaction: the prerendered page's scripts and modulepreloads. */
function landingJsGzip(): string {
  const dist = path.resolve('dist/web');
  if (!fs.existsSync(path.join(dist, 'landing', 'en.html'))) return '(no prerendered landing page in dist/web: run npm run build:web)';
  return (['en', 'ar'] as const)
    .map((language) => {
      const { files, gzipBytes, htmlGzipBytes } = landingTransfer(dist, language);
      const list = files.map((f) => `${f.path} ${(f.gzipBytes / 1024).toFixed(1)} KB`).join(', ');
      return `${(gzipBytes / 1024).toFixed(1)} KB gzip in ${files.length} file(s) loaded by /?lang=${language} (${list}); the HTML itself ${(htmlGzipBytes / 1024).toFixed(1)} KB gzip`;
    })
    .join('\n  ');
}

const probe = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
const pgUp = await probe.connect().then(
  () => probe.end().then(() => true),
  () => false,
);

console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${CONNECTIONS} connections, ${DURATION} s per run`);
for (const kind of (pgUp ? (['pglite', 'postgres'] as const) : (['pglite'] as const)).filter((k) => !ONLY_DB || k === ONLY_DB)) {
  const c = await ceiling(kind);
  const r = await intake(kind);
  const ratio = (r.lead.requests.average / c.result.requests.average) * 100;
  console.log(`\n### ${kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15'}`);
  console.log('| Route | req/s | p50 | p99 | 2xx | other | note |\n|---|---|---|---|---|---|---|');
  console.log(row('Ceiling: bare Fastify, one INSERT', c.result, `${c.stored} rows for ${c.acked} acknowledged`));
  console.log(row('POST /api/v1/landing-cms/lead', r.lead, `${ratio.toFixed(0)}% of ceiling; ${r.storedLeads} of ${r.acked} acknowledged lead ids found in the database${r.storedLeads === r.acked ? ' (none lost)' : ' (LOST LEADS)'}`));
  if (r.collect) console.log(row('POST /api/v1/events/collect (2 events each)', r.collect));
  if (r.signup) console.log(row('POST /api/v1/landing-cms/subscribe (argon2id, 8 conn.)', r.signup));
  if (r.health) console.log(row('GET /healthz during signups (1 conn.)', r.health));
}
console.log(`\nLanding page JavaScript: ${landingJsGzip()}`);
