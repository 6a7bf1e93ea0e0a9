import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './types.js';

/**
 * Rows of a hand-written query (reports, where the query builder adds nothing). Both drivers
 * answer `{ rows }`; the HKT-typed `execute` cannot say so, hence the one cast here.
 */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
