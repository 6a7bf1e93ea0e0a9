import { text, timestamp } from 'drizzle-orm/pg-core';

/** Columns every table carries. Timestamps are UTC (`timestamptz`), shown in the workspace's zone. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

/** The tenant key. Every tenant table spreads this in, and every query filters by it. */
export const tenantKey = () => text('workspace_id').notNull();
