import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './types.js';

/**
 * Many rows in one INSERT with a single parameter: the rows as one JSON array, which
 * PostgreSQL turns back into rows of the table's own type (`jsonb_populate_recordset`).
 * A multi-row INSERT through the query builder binds every value of every row (a batch of 64
 * leads is 2,500 parameters), and building and serializing those was most of the intake's
 * CPU on PostgreSQL (docs/benchmarks.md). Only the columns the first row sets are written;
 * the rest take their defaults. `suffix` adds e.g. an ON CONFLICT clause. Null when no rows.
 */
export function jsonInsert<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][], suffix?: SQL): SQL | null {
  if (rows.length === 0) return null;
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
  return sql`insert into ${tableName} (${names}) select ${names} from jsonb_populate_recordset(null::${tableName}, ${JSON.stringify(json)}::jsonb)${suffix ?? sql``}`;
}

export async function insertRowsAsJson<T extends PgTable>(db: DbOrTx, table: T, rows: readonly T['$inferInsert'][], suffix?: SQL): Promise<void> {
  const statement = jsonInsert(table, rows, suffix);
  if (statement) await db.execute(statement);
}

/**
 * Several INSERTs as one statement (data-modifying CTEs): one round trip instead of one each,
 * and atomic on its own. Foreign keys between them hold, since PostgreSQL checks them at the
 * end of the statement.
 */
export async function executeTogether(db: DbOrTx, statements: ReadonlyArray<SQL | null>): Promise<void> {
  const parts = statements.filter((s): s is SQL => s !== null);
  if (parts.length === 0) return;
  if (parts.length === 1) {
    await db.execute(parts[0]!);
    return;
  }
  const ctes = sql.join(
    parts.map((p, i) => sql`${sql.raw(`w${i}`)} as (${p})`),
    sql`, `,
  );
  await db.execute(sql`with ${ctes} select 1`);
}
