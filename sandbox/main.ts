import pino from 'pino';
import { loadSandboxConfig } from './config.js';
import { startSandbox } from './server.js';

try {
  const cfg = loadSandboxConfig();
  const logger = pino({ level: cfg.LOG_LEVEL });
  const sandbox = await startSandbox({ host: cfg.SANDBOX_HOST, port: cfg.SANDBOX_PORT, logger });
  console.log(`Stratum platform sandbox: ${sandbox.url} (platforms: ${sandbox.url}/_sandbox/platforms)`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
