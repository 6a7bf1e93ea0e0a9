import type { Config } from '../config.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { DatabaseHandle } from './types.js';

export async function openDatabase(
  cfg: Config['db'],
  onError?: (err: Error) => void,
): Promise<DatabaseHandle> {
  if (cfg.kind === 'pglite') return openPglite({ dataDir: cfg.dataDir });
  return openPostgres({ url: cfg.url, poolMax: cfg.poolMax, connectTimeoutMs: cfg.connectTimeoutMs, ...(onError ? { onError } : {}) });
}
