import path from 'node:path';
import { fileURLToPath } from 'node:url';
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig, type Role } from './config.js';
import { DataDirLockedError } from './db/lock.js';
import { DatabaseUnreachableError } from './db/postgres.js';
import { createLogger } from './observability/logger.js';
import { startStratum } from './runtime/start.js';
import { ensureWebBuild } from './runtime/web-build.js';
import { startBanner } from './runtime/banner.js';
import { version } from './version.js';

const roles: readonly Role[] = ['all', 'api', 'worker'];
const role = (process.argv[2] ?? 'all') as Role;
if (!roles.includes(role)) {
  console.error(`Unknown role "${process.argv[2]}": use one of ${roles.join(', ')}`);
  process.exit(2);
}

let config;
try {
  config = loadConfig(undefined, role, { isTty: Boolean(process.stdout.isTTY) });
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const log = createLogger(config.log, { role });
const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

try {
  // Where everything will be, said first; the logs of start-up follow.
  console.log(startBanner(config, version).join('\n'));
  const t0 = performance.now();
  const running = await startStratum(config, log, {
    beforeListen: () => ensureWebBuild({ sourceDir: path.join(root, 'web'), distDir: config.web.distDir, log }),
  });
  console.log(`Stratum is ready in ${((performance.now() - t0) / 1000).toFixed(1)} s${running.urls.app ? ` at ${running.urls.app}` : ''}`);

  closeWithGrace({ delay: config.shutdownTimeoutMs + 5000, logger: false }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'stopping after an uncaught error');
    else log.info({ signal }, 'shutting down');
    await running.stop();
    log.info('stopped');
  });
} catch (err) {
  if (err instanceof DataDirLockedError || err instanceof DatabaseUnreachableError) {
    console.error(err.message);
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Port already in use: ${(err as Error).message}. Set PORT or SANDBOX_PORT to a free port.`);
  } else {
    log.fatal({ err }, 'start-up failed');
  }
  process.exitCode = 1;
}
