import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Installation-wide, not tenant data (the one kind of table without `workspace_id`):
 * the last time each background loop ran, and on which worker.
 */
export const systemHeartbeats = pgTable('system_heartbeats', {
  name: text('name').primaryKey(),
  worker: text('worker').notNull(),
  beatAt: timestamp('beat_at', { withTimezone: true, mode: 'date' }).notNull(),
});
