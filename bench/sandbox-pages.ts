/**
 * npm run bench:sandbox — how fast the sandbox answers the pages of a large-account sync. The
 * sandbox runs in a child process, as in `bench:sync`, and each platform's real adapter pages
 * through the `scale` person's account (200 campaigns, 2,000 ad sets, 10,000 ads): every
 * entity, then 30 days of ad-level daily numbers, then a few by-id lookups of unknown ids.
 * Each request is timed inside the sandbox (Fastify's `reply.elapsedTime`), so the figures are
 * the sandbox's own cost, not the adapter's. PLATFORM (default all) picks one platform;
 * SANDBOX_PROFILE_DIR=/tmp/prof writes the sandbox's CPU profile there.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildSandbox } from '../sandbox/server.js';
import { createWorld } from '../sandbox/world/index.js';
import { createPlatformRegistry } from '../src/connections/registry.js';
import { platformsConfig } from '../src/platforms/config.js';
import { consent } from '../src/platforms/testing/consent.js';
import { platformIds, type AdAccount, type AdPlatform, type PlatformId, type TokenSet } from '../src/platforms/types.js';
import { freePort } from '../test/support/process.js';

interface Timing {
  url: string;
  ms: number;
}

/** The sandbox's side: records how long each request took and hands the list over when asked. */
async function serve(port: number): Promise<void> {
  const timings: Timing[] = [];
  const app = await buildSandbox({ world: createWorld() });
  app.addHook('onResponse', async (req, reply) => {
    if (!req.url.startsWith('/_bench/')) timings.push({ url: req.url, ms: reply.elapsedTime });
  });
  app.get('/_bench/timings', async () => timings.splice(0));
  await app.listen({ host: '127.0.0.1', port });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

async function startChild(): Promise<{ base: string; stop(): void }> {
  const port = await freePort();
  // SANDBOX_PROFILE_DIR: where the sandbox process writes a CPU profile (node --cpu-prof) when it stops.
  const profile = process.env.SANDBOX_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.SANDBOX_PROFILE_DIR] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', fileURLToPath(import.meta.url), '--serve', String(port)], { stdio: ['ignore', 'inherit', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/_sandbox/health`)).ok) return { base, stop: () => child.kill('SIGTERM') };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the sandbox did not start');
}

const REDIRECT = (p: PlatformId) => `http://localhost:3000/api/v1/oauth/${p}/callback`;

async function connect(platform: PlatformId, adapter: AdPlatform): Promise<TokenSet> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const url = adapter.authorizeUrl({ state: 'bench', redirectUri: REDIRECT(platform), ...(adapter.supportsPkce ? { codeChallenge: challenge } : {}) });
  const back = await consent(url, { person: 'scale' });
  const code = back.searchParams.get('code') ?? back.searchParams.get('auth_code');
  if (!code) throw new Error(`${platform}: no code in ${back.href}`);
  return adapter.exchangeCode(code, REDIRECT(platform), adapter.supportsPkce ? verifier : undefined);
}

const addDays = (d: string, n: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const pct = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

/** By-id lookups of ids no account holds, each answered with the platform's 404. */
function unknownProbes(platform: PlatformId, token: string): Array<{ path: string; headers: Record<string, string> }> {
  if (platform === 'meta') return [{ path: `/meta/graph/v25.0/120999999999999999?fields=id,name&access_token=${token}`, headers: {} }];
  if (platform === 'snapchat') {
    return ['campaigns', 'adsquads', 'ads'].map((k) => ({ path: `/snapchat/adsapi/v1/${k}/00000000-0000-4000-8000-000000000000`, headers: { authorization: `Bearer ${token}` } }));
  }
  return [];
}

async function main(): Promise<void> {
  const which = process.env.PLATFORM ?? 'all';
  const platforms: PlatformId[] = which === 'all' ? [...platformIds] : [which as PlatformId];
  const sandbox = await startChild();
  const { base } = sandbox;
  const configured = platformsConfig({}, base);
  if (!configured.ok) throw new Error('no sandbox configuration');
  const registry = createPlatformRegistry(configured.platforms, { timeoutMs: 120_000 });
  const timings = async (): Promise<Timing[]> => (await (await fetch(`${base}/_bench/timings`)).json()) as Timing[];

  async function phase(platform: PlatformId, name: string, fn: () => Promise<number>): Promise<void> {
    await timings();
    const t0 = performance.now();
    const items = await fn();
    const wall = (performance.now() - t0) / 1000;
    const ms = (await timings()).map((t) => t.ms);
    const total = ms.reduce((a, b) => a + b, 0) / 1000;
    const rest = ms.slice(1);
    const cells = [platform, name, items, ms.length, `${wall.toFixed(2)} s`, `${total.toFixed(2)} s`, `${(ms[0] ?? 0).toFixed(1)} ms`];
    cells.push(...[pct(rest, 0.5), pct(rest, 0.95), Math.max(0, ...rest)].map((x) => `${x.toFixed(1)} ms`));
    console.log(`| ${cells.join(' | ')} |`);
  }

  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  console.log('| Platform | Phase | Items | Requests | Wall | Sandbox total | First request | Later p50 | Later p95 | Later max |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  try {
    for (const platform of platforms) {
      const adapter = registry.get(platform)?.adapter;
      if (!adapter) throw new Error(`${platform} is not configured`);
      const t = await connect(platform, adapter);
      const account: AdAccount | undefined = (await adapter.listAdAccounts(t)).find((a) => a.name.includes('Scale'));
      if (!account) throw new Error(`${platform}: no Scale account`);
      const truth = (await (await fetch(`${base}/_sandbox/accounts?platform=${platform}`)).json()) as Array<{ id: string; today: string }>;
      const today = truth.find((a) => a.id === account.externalId.replace(/^act_/, ''))?.today;
      if (!today) throw new Error(`${platform}: the sandbox does not know ${account.externalId}`);
      await phase(platform, 'entities', async () => {
        let n = 0;
        for await (const _ of adapter.entities(t, account)) n++;
        return n;
      });
      await phase(platform, '30-day ad report', async () => {
        let n = 0;
        for await (const _ of adapter.dailyMetrics(t, account, { since: addDays(today, -30), until: addDays(today, -1) })) n++;
        return n;
      });
      const probes = unknownProbes(platform, t.accessToken);
      if (probes.length === 0) continue;
      await phase(platform, 'unknown id → 404', async () => {
        for (const p of probes) await (await fetch(base + p.path, { headers: p.headers })).arrayBuffer();
        return probes.length;
      });
    }
  } finally {
    sandbox.stop();
  }
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt >= 0) await serve(Number(process.argv[serveAt + 1]));
else await main();
