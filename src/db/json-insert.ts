import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './types.js';

/**
 * Many rows in one INSERT with a single parameter: the rows as one JSON array, which
 * PostgreSQL turns back into rows of the table's own type (`jsonb_populate_recordset`).
 * A multi-row INSERT through the query builder binds every value of every row (a batch of 64
 * leads is 2,500 parameters), and building and serializing those was most of the intake's
 * CPU on PostgreSQL (docs/benchmarks.md). Only the columns the first row sets are written;
 * the rest take their defaults. `suffix` adds e.g. an ON CONFLICT clause.
 */
export async function insertRowsAsJson<T extends PgTable>(db: DbOrTx, table: T, rows: readonly T['$inferInsert'][], suffix?: SQL): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => (rows[0] as Record<string, unknown>)[key] !== undefined);
  const json = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = (row as Record<string, unknown>)[key];
      out[column.name] = value instanceof Date ? value.toISOString() : value;
    }
    return out;
  });
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  const tableName = sql.raw(`"${getTableName(table)}"`);
  await db.execute(
    sql`insert into ${tableName} (${names}) select ${names} from jsonb_populate_recordset(null::${tableName}, ${JSON.stringify(json)}::jsonb)${suffix ?? sql``}`,
  );
}
