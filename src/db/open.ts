import type { Config } from '../config.js';
import { openPostgres } from './postgres.js';
import type { DatabaseHandle } from './types.js';

export async function openDatabase(
  cfg: Config['db'],
  onError?: (err: Error) => void,
): Promise<DatabaseHandle> {
  if (cfg.kind === 'pglite') {
    // Loaded only when used: the PGlite module alone adds about 40 MB to a process's memory,
    // which API and worker processes on PostgreSQL have no reason to carry.
    const { openPglite } = await import('./pglite.js');
    return openPglite({ dataDir: cfg.dataDir });
  }
  return openPostgres({ url: cfg.url, poolMax: cfg.poolMax, connectTimeoutMs: cfg.connectTimeoutMs, ...(onError ? { onError } : {}) });
}
