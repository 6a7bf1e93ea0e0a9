import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from './migrations-folder.js';
import * as schema from './schema/index.js';
import { acquireDataDirLock, type DataDirLock } from './lock.js';
import type { Db, DatabaseHandle, SqlExecutor } from './types.js';

export interface PgliteOptions {
  /** Folder holding the database; omitted means in memory (tests). */
  dataDir?: string;
  /** A dump from `dumpDataDir()` to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
}

/** pg-boss over PGlite's single connection. */
export function pgliteExecutor(pg: PGlite): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return pg.query<Record<string, unknown>>(text, values);
      // Without values pg-boss sends scripts (its schema migrations and maintenance
      // commands wrapped in BEGIN … COMMIT). Running them inside PGlite's own transaction
      // means a failure is rolled back before any other caller can use the connection;
      // otherwise the one shared session would be left in an aborted transaction.
      return pg.transaction(async (tx) => {
        const results = await tx.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      });
    },
  };
}

export async function openPglite(opts: PgliteOptions): Promise<DatabaseHandle & { pglite: PGlite }> {
  let lock: DataDirLock | undefined;
  let pgDir: string | undefined;
  if (opts.dataDir) {
    lock = acquireDataDirLock(opts.dataDir);
    pgDir = path.join(opts.dataDir, 'pg');
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create({ ...(pgDir ? { dataDir: pgDir } : {}), ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzle(pg, { schema }) as unknown as Db;
  let closed = false;
  return {
    kind: 'pglite',
    db,
    pglite: pg,
    executor: pgliteExecutor(pg),
    async ping() {
      const t0 = performance.now();
      await pg.query('select 1');
      return performance.now() - t0;
    },
    withStartupLock: (fn) => fn(),
    async migrate() {
      // One process owns the folder (see lock.ts), so no migration lock is needed here.
      await migrate(drizzle(pg, { schema }), { migrationsFolder });
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await pg.close();
      } finally {
        lock?.release();
      }
    },
  };
}
