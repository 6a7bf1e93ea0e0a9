import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { migrationsFolder } from './migrations-folder.js';
import * as schema from './schema/index.js';
import type { Db, DatabaseHandle } from './types.js';

/** Arbitrary but fixed: the advisory lock that serializes start-up schema work across processes. */
const STARTUP_LOCK_KEY = 727_274_001;

export interface PostgresOptions {
  url: string;
  poolMax: number;
  connectTimeoutMs: number;
  onError?: (err: Error) => void;
}

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`Cannot reach PostgreSQL at ${redactUrl(url)}: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'DatabaseUnreachableError';
  }
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export async function openPostgres(opts: PostgresOptions): Promise<DatabaseHandle & { pool: pg.Pool }> {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolMax,
    connectionTimeoutMillis: opts.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'stratum',
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', (err) => opts.onError?.(err));
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnreachableError(opts.url, err);
  }
  const pgDb = drizzle(pool, { schema });
  const db = pgDb as unknown as Db;

  /** A session-level advisory lock held on a connection of its own while `fn` uses the pool. */
  async function withStartupLock<T>(fn: () => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
      try {
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }
  let closed = false;
  return {
    kind: 'postgres',
    db,
    pool,
    executor: {
      executeSql: (text, values) => pool.query(text, values as unknown[] | undefined),
    },
    async ping() {
      const t0 = performance.now();
      await pool.query('select 1');
      return performance.now() - t0;
    },
    withStartupLock,
    async migrate() {
      // Several API and worker processes may start together: one migrates, the others
      // wait on the lock and then find nothing left to do.
      await withStartupLock(() => migrate(pgDb, { migrationsFolder }));
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
