import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantKey, timestamps } from './columns.js';
import { workspaces } from './workspaces.js';

export const userRoles = ['owner', 'admin', 'member', 'viewer'] as const;
export const userStatuses = ['pending_verification', 'verified', 'disabled'] as const;

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    role: text('role', { enum: userRoles }).notNull().default('member'),
    status: text('status', { enum: userStatuses }).notNull().default('pending_verification'),
    /** argon2id; null for SSO-only users. */
    passwordHash: text('password_hash'),
    /** Language of their email and of the app on first load. */
    language: text('language', { enum: ['en', 'ar'] }).notNull().default('en'),
    verifiedAt: timestamp('verified_at', { withTimezone: true, mode: 'date' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    /** Set by an unsubscribe link: marketing email stops, transactional email does not. */
    marketingUnsubscribedAt: timestamp('marketing_unsubscribed_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    // One login per address, whatever its case.
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    index('users_workspace_id_idx').on(t.workspaceId),
    check('users_role', sql`${t.role} in ('owner', 'admin', 'member', 'viewer')`),
    check('users_status', sql`${t.status} in ('pending_verification', 'verified', 'disabled')`),
    check('users_language', sql`${t.language} in ('en', 'ar')`),
  ],
);

export type UserRow = typeof users.$inferSelect;
