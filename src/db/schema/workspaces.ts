import { check, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { timestamps } from './columns.js';

/** The tenant root: a business (or an agency's client). Its id is every other row's `workspace_id`. */
export const workspaces = pgTable(
  'workspaces',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** ISO 4217; money on screen is converted to it. */
    currency: text('currency').notNull().default('SAR'),
    /** IANA zone; dashboard periods are dates in this zone. */
    timezone: text('timezone').notNull().default('Asia/Riyadh'),
    locale: text('locale').notNull().default('en'),
    ...timestamps,
  },
  (t) => [
    check('workspaces_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('workspaces_locale', sql`${t.locale} in ('en', 'ar')`),
  ],
);

export type WorkspaceRow = typeof workspaces.$inferSelect;
