import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// Below the 120 s hook timeout (with room for a forced stop), so a slow start fails
// with this helper's message and the app's output instead of a bare hook timeout.
const READY_TIMEOUT_MS = 90_000;
const KILL_AFTER_MS = 20_000;

export interface RunningApp {
  url: string;
  sandboxUrl: string;
  dataDir: string;
  /** Everything the process has printed so far (stdout and stderr interleaved). */
  output(): string;
  /** SIGTERM, wait (SIGKILL after 20 s), remove the data dir; resolves to the exit code. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  /** Where the web app is built and served from; defaults to the product's own default. */
  webDistDir?: string;
  env?: Record<string, string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startApp(opts: StartOptions = {}): Promise<RunningApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stratum-e2e-data-'));
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The test runner's NODE_ENV=test must not leak in: this should be the app as `npm start` runs it.
    NODE_ENV: undefined,
    // An exported DATABASE_URL would silently switch the product to PostgreSQL mode.
    DATABASE_URL: '',
    HOST: '127.0.0.1',
    PORT: String(port),
    SANDBOX_HOST: '127.0.0.1',
    SANDBOX_PORT: String(sandboxPort),
    DATA_DIR: dataDir,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
    ...(opts.webDistDir ? { WEB_DIST_DIR: opts.webDistDir } : {}),
    ...opts.env,
  };

  const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/main.ts', 'all'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the app in a child node process, and a forced stop
    // must take that one down too, not just orphan it holding the ports and data dir.
    detached: true,
  });
  let out = '';
  const append = (chunk: Buffer) => {
    out += chunk.toString();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exitCode = code;
      resolve(code);
    });
  });

  const url = `http://127.0.0.1:${port}`;
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  let stopped: Promise<number | null> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (exitCode === undefined) {
        // SIGTERM to tsx alone: it relays the signal, and a second copy straight to the
        // app would count as a "second signal" and cut its graceful shutdown short.
        child.kill('SIGTERM');
        const forced = setTimeout(() => killGroup(child.pid), KILL_AFTER_MS);
        await exited;
        clearTimeout(forced);
      }
      await fs.rm(dataDir, { recursive: true, force: true });
      return exited;
    })());

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (exitCode === undefined && Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return { url, sandboxUrl, dataDir, output: () => out, stop };
    } catch {
      // Not listening yet (or still building the web app).
    }
    await sleep(250);
  }

  const why = exitCode === undefined ? `not ready after ${READY_TIMEOUT_MS / 1000} s` : `exited with code ${String(exitCode)} before it was ready`;
  await stop();
  throw new Error(`Stratum ${why} (${url}); last output:\n${out.slice(-4000)}`);
}
