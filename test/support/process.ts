import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

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

export interface Spawned {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr interleaved. */
  output: () => string;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL to the whole group after `killAfterMs`; resolves to the exit code. */
  stop(killAfterMs?: number): Promise<number | null>;
}

/**
 * Runs `src/main.ts <role>` as `npm start` would (through tsx), with the test runner's
 * own NODE_ENV and DATABASE_URL kept out unless `env` sets them.
 */
export function spawnStratum(role: 'all' | 'api' | 'worker', env: Record<string, string>): Spawned {
  const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/main.ts', role], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: undefined, DATABASE_URL: '', LOG_FORMAT: 'json', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the app in a child node process, and a forced stop
    // must take that one down too rather than orphan it holding ports and the data folder.
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (c) => {
      code = c;
      resolve(c);
    }),
  );
  return {
    child,
    output: () => out,
    exited,
    async stop(killAfterMs = 20_000) {
      if (code !== undefined) return code;
      // SIGTERM to tsx alone: it relays it, and a second copy sent straight to the app
      // would count as a second signal and cut the graceful shutdown short.
      child.kill('SIGTERM');
      const forced = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, killAfterMs);
      const c = await exited;
      clearTimeout(forced);
      return c;
    },
  };
}

/** Polls `/readyz` until 200; fails early if the process exits, with the tail of its output. */
export async function waitForReady(url: string, proc: Spawned, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void proc.exited.then((c) => (exitCode = c));
  while (Date.now() < until && exitCode === undefined) {
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const why = exitCode === undefined ? `not ready after ${timeoutMs / 1000} s` : `exited with code ${String(exitCode)} before it was ready`;
  throw new Error(`Stratum ${why} (${url}); last output:\n${proc.output().slice(-4000)}`);
}
