import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type * as schema from './schema/index.js';

export type Schema = typeof schema;

/** The query layer, the same type on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: domain functions accept both. */
export type DbOrTx = Db | Tx;

/** The minimal SQL surface pg-boss needs (`text` with `$1…` values, or a script without). */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Db;
  /** Top-level executor for pg-boss (never inside a caller's transaction). */
  executor: SqlExecutor;
  /** Round-trip time of `select 1`, in milliseconds; throws when unreachable. */
  ping(): Promise<number>;
  /** Applies pending migrations from `migrations/`; safe when several processes start at once. */
  migrate(): Promise<void>;
  /**
   * Runs `fn` while no other process runs its own start-up step (schema installs that are
   * not safe to run concurrently, like pg-boss's). A no-op lock on PGlite: one process per folder.
   */
  withStartupLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
