import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantKey } from './columns.js';
import { users } from './users.js';
import { workspaces } from './workspaces.js';

export const ssoProviders = ['google', 'microsoft', 'apple'] as const;
export type SsoProvider = (typeof ssoProviders)[number];

/** A user's login at an identity provider: `(provider, subject)` is the stable key, never the email. */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: text('id').primaryKey(),
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: ssoProviders }).notNull(),
    /** The ID token's `sub` (for Microsoft, `oid`+`tid` are stable per app too; `sub` is what we key on). */
    subject: text('subject').notNull(),
    /** The address the provider vouched for when this identity was linked. */
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('user_identities_provider_subject_key').on(t.provider, t.subject),
    index('user_identities_workspace_id_idx').on(t.workspaceId),
    index('user_identities_user_id_idx').on(t.userId),
    check('user_identities_provider', sql`${t.provider} in ('google', 'microsoft', 'apple')`),
  ],
);

/**
 * One sign-in round trip to an identity provider, from "Continue with Google" to the callback:
 * PKCE verifier, nonce, the browser it started in, and what the visitor brought with them
 * (attribution, language, company) so the signup at the end keeps the click that led here.
 * Owned by the house workspace until an account exists.
 */
export const ssoAttempts = pgTable(
  'sso_attempts',
  {
    id: text('id').primaryKey(),
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: ssoProviders }).notNull(),
    /** SHA-256 of the `state` sent to the provider. */
    stateHash: text('state_hash').notNull(),
    /** SHA-256 of the random value in the browser's cookie: the callback must come back to the same browser. */
    browserHash: text('browser_hash').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    intent: text('intent', { enum: ['signin', 'signup'] }).notNull(),
    /** Attribution, language, company name, visitor id and where to go afterwards. */
    context: jsonb('context').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('sso_attempts_state_hash_key').on(t.stateHash),
    index('sso_attempts_workspace_id_idx').on(t.workspaceId),
    index('sso_attempts_expires_at_idx').on(t.expiresAt),
  ],
);
