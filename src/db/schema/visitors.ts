import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantKey } from './columns.js';
import type { TouchJson } from './leads.js';
import { workspaces } from './workspaces.js';

/** An anonymous browser (first-party id), with its first and last attributed touch. */
export const visitors = pgTable(
  'visitors',
  {
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    firstTouch: jsonb('first_touch').$type<TouchJson>(),
    lastTouch: jsonb('last_touch').$type<TouchJson>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const pageEventNames = ['PageView', 'ScrollDepth', 'TimeOnPage'] as const;

/** Our own page analytics: cheap rows, deduplicated by the browser's event id. */
export const pageEvents = pgTable(
  'page_events',
  {
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    name: text('name', { enum: pageEventNames }).notNull(),
    url: text('url'),
    /** Scroll depth in percent (25/50/75/100) or seconds on the page. */
    value: integer('value'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('page_events_workspace_event_key').on(t.workspaceId, t.eventId),
    index('page_events_workspace_occurred_idx').on(t.workspaceId, t.occurredAt),
  ],
);
