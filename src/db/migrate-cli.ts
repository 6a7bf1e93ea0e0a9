import { ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError } from './lock.js';
import { openDatabase } from './open.js';
import { DatabaseUnreachableError } from './postgres.js';

/** `npm run migrate`: applies pending migrations to the configured database and exits. */
try {
  const config = loadConfig(undefined, 'worker');
  const handle = await openDatabase(config.db);
  try {
    await handle.migrate();
    console.log(`Migrations applied (${config.db.kind === 'pglite' ? config.db.dataDir : 'PostgreSQL'}).`);
  } finally {
    await handle.close();
  }
} catch (err) {
  const known = err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof DatabaseUnreachableError;
  console.error(known ? (err as Error).message : err);
  process.exitCode = 1;
}
