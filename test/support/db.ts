import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite } from '../../src/db/pglite.js';
import { openPostgres } from '../../src/db/postgres.js';
import type { DatabaseHandle } from '../../src/db/types.js';

export type TestDatabase = DatabaseHandle & { url?: string };

/**
 * A migrated database of this test file's own, on PGlite or (with DATABASE_URL) PostgreSQL.
 * `empty`: on PostgreSQL, a database with no tables at all (to test migrating it).
 */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const tpl = inject('dbTemplate');
  if (tpl.kind === 'pglite') {
    const handle = await openPglite({ loadDataDir: new Blob([fs.readFileSync(tpl.dumpFile)]) });
    return handle;
  }
  const name = `stratum_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tpl.url });
  await admin.connect();
  try {
    await admin.query(opts.empty ? `create database ${name}` : `create database ${name} template ${tpl.template}`);
  } finally {
    await admin.end();
  }
  const u = new URL(tpl.url);
  u.pathname = `/${name}`;
  const handle = await openPostgres({ url: u.toString(), poolMax: 5, connectTimeoutMs: 5000 });
  const close = handle.close.bind(handle);
  return {
    ...handle,
    url: u.toString(),
    async close() {
      await close();
      const a = new pg.Client({ connectionString: tpl.url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`).finally(() => a.end());
    },
  };
}

export const testDbKind = (): 'pglite' | 'postgres' => inject('dbTemplate').kind;
