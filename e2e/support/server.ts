import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, spawnStratum, waitForReady } from '../../test/support/process.js';

// Below the 120 s hook timeout (with room for a forced stop), so a slow start fails
// with the app's output instead of a bare hook timeout.
const READY_TIMEOUT_MS = 90_000;

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

/** The product as `npm start` runs it, on a fresh data folder and free ports. */
export async function startApp(opts: StartOptions = {}): Promise<RunningApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stratum-e2e-data-'));
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const proc = spawnStratum('all', {
    HOST: '127.0.0.1',
    PORT: String(port),
    SANDBOX_HOST: '127.0.0.1',
    SANDBOX_PORT: String(sandboxPort),
    DATA_DIR: dataDir,
    ...(opts.webDistDir ? { WEB_DIST_DIR: opts.webDistDir } : {}),
    ...opts.env,
  });
  let stopped: Promise<number | null> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      const code = await proc.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
      return code;
    })());

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(url, proc, READY_TIMEOUT_MS);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, sandboxUrl: `http://127.0.0.1:${sandboxPort}`, dataDir, output: proc.output, stop };
}
