import type { PoolClient } from 'pg';
import type { Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type { Db, SqlExecutor, Tx } from './types.js';

/**
 * Runs `fn` in one database transaction: everything it writes, and every job it enqueues
 * through `tx`, commits together or not at all.
 */
export function withTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}

type RawClient = Pick<PoolClient, 'query'> | Pick<PgliteTransaction, 'query'>;

/**
 * The raw connection under a Drizzle transaction, so pg-boss can insert jobs on the very
 * same connection (and so in the same transaction). Drizzle keeps it on its session on
 * both drivers: a pg `PoolClient` or a PGlite `Transaction`.
 */
export function transactionExecutor(tx: Tx): SqlExecutor {
  const client = (tx._.session as unknown as { client: RawClient }).client;
  return {
    async executeSql(text, values) {
      const res = await (client.query as (t: string, v?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>)(
        text,
        values,
      );
      return { rows: res.rows };
    },
  };
}
