import { describe, expect, it } from 'vitest';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from './index.js';

/** Installation-wide tables: the tenant root itself, and operational state that belongs to no tenant. */
const NOT_TENANT = new Set(['workspaces', 'system_heartbeats', 'dev_mailbox_messages']);

const tables = Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => v instanceof PgTable).map((t) => getTableConfig(t));

describe('schema tenancy rules', () => {
  it.each(tables.filter((t) => !NOT_TENANT.has(t.name)).map((t) => [t.name, t] as const))(
    '%s carries a non-null workspace_id referencing workspaces, with an index',
    (_name, t) => {
      const col = t.columns.find((c) => c.name === 'workspace_id');
      expect(col, 'workspace_id column').toBeDefined();
      expect(col!.notNull).toBe(true);
      const fk = t.foreignKeys.map((f) => f.reference()).find((r) => r.columns.some((c) => c.name === 'workspace_id'));
      expect(getTableConfig(fk!.foreignTable).name).toBe('workspaces');
      const indexed = t.indexes.some((i) => (i.config.columns[0] as { name?: string })?.name === 'workspace_id');
      const pkFirst = t.primaryKeys.some((pk) => pk.columns[0]?.name === 'workspace_id');
      expect(indexed || pkFirst || col!.primary, 'an index led by workspace_id').toBe(true);
    },
  );

  it('lists every non-tenant table on purpose', () => {
    expect(tables.map((t) => t.name).filter((n) => NOT_TENANT.has(n)).sort()).toEqual([...NOT_TENANT].sort());
  });
});
