import pino from 'pino';
import { loadSandboxConfig } from './config.js';
import { startSandbox } from './server.js';
import { createWorld } from './world/index.js';

try {
  const cfg = loadSandboxConfig();
  const logger = pino({ level: cfg.LOG_LEVEL });
  const world = createWorld({ seed: cfg.SANDBOX_SEED, ...(cfg.SANDBOX_FAULTS ? { faults: cfg.SANDBOX_FAULTS } : {}) });
  const sandbox = await startSandbox({ host: cfg.SANDBOX_HOST, port: cfg.SANDBOX_PORT, logger, world });
  console.log(`Stratum platform sandbox: ${sandbox.url} (platforms: ${sandbox.url}/_sandbox/platforms)`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
