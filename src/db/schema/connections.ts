import { sql } from 'drizzle-orm';
import { bigint, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantKey, timestamps } from './columns.js';
import { users } from './users.js';
import { workspaces } from './workspaces.js';

export const adPlatformIds = ['meta', 'google', 'tiktok', 'snapchat'] as const;
const platformCheck = (col: unknown) => sql`${col} in ('meta', 'google', 'tiktok', 'snapchat')`;

/**
 * One OAuth round trip to an ad platform, from "Connect" to the callback: bound to the session
 * that started it (the callback must come back to the same signed-in browser), single use.
 */
export const oauthAttempts = pgTable(
  'oauth_attempts',
  {
    id: text('id').primaryKey(),
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: adPlatformIds }).notNull(),
    /** SHA-256 of the `state` sent to the platform. */
    stateHash: text('state_hash').notNull(),
    /** SHA-256 of the session id that started it. */
    sessionHash: text('session_hash').notNull(),
    /** PKCE verifier, encrypted like tokens (null where the platform has no PKCE). */
    codeVerifier: text('code_verifier'),
    redirectUri: text('redirect_uri').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('oauth_attempts_state_hash_key').on(t.stateHash),
    index('oauth_attempts_workspace_id_idx').on(t.workspaceId),
    index('oauth_attempts_user_id_idx').on(t.userId),
    index('oauth_attempts_expires_at_idx').on(t.expiresAt),
    check('oauth_attempts_platform', platformCheck(t.platform)),
  ],
);

export const connectionStatuses = ['selecting', 'syncing', 'active', 'needs_reconnect', 'failed'] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

/**
 * A workspace's grant on one ad platform. The token set is AES-256-GCM ciphertext with the id
 * of the key that sealed it (for rotation); plaintext tokens never reach the database.
 */
export const platformConnections = pgTable(
  'platform_connections',
  {
    id: text('id').primaryKey(),
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: adPlatformIds }).notNull(),
    status: text('status', { enum: connectionStatuses }).notNull(),
    tokenCiphertext: text('token_ciphertext').notNull(),
    tokenKeyId: text('token_key_id').notNull(),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true, mode: 'date' }),
    refreshExpiresAt: timestamp('refresh_expires_at', { withTimezone: true, mode: 'date' }),
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    connectedBy: text('connected_by').references(() => users.id, { onDelete: 'set null' }),
    /** The ad accounts the token reached at the callback, offered on the selection step. */
    availableAccounts: jsonb('available_accounts').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    failureCount: integer('failure_count').notNull().default(0),
    lastError: text('last_error'),
    /** While set and in the future, one process is refreshing the token; others wait for its result. */
    refreshLeaseUntil: timestamp('refresh_lease_until', { withTimezone: true, mode: 'date' }),
    /** When the owner was last emailed to reconnect (once per failure, not once per job). */
    reconnectEmailedAt: timestamp('reconnect_emailed_at', { withTimezone: true, mode: 'date' }),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('platform_connections_workspace_platform_key').on(t.workspaceId, t.platform),
    index('platform_connections_status_idx').on(t.status),
    index('platform_connections_connected_by_idx').on(t.connectedBy),
    check('platform_connections_platform', platformCheck(t.platform)),
    check('platform_connections_status', sql`${t.status} in ('selecting', 'syncing', 'active', 'needs_reconnect', 'failed')`),
  ],
);

export const adAccountSyncStatuses = ['queued', 'syncing', 'synced', 'failed', 'needs_reconnect'] as const;

/** An ad account the workspace chose to connect, with where its sync stands. */
export const adAccounts = pgTable(
  'ad_accounts',
  {
    id: text('id').primaryKey(),
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    connectionId: text('connection_id')
      .notNull()
      .references(() => platformConnections.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: adPlatformIds }).notNull(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    timeZone: text('time_zone').notNull(),
    platformStatus: text('platform_status').notNull(),
    managerId: text('manager_id'),
    syncStatus: text('sync_status', { enum: adAccountSyncStatuses }).notNull().default('queued'),
    /** What the running or last sync did: step, counts, percent (the connect page reads it). */
    syncProgress: jsonb('sync_progress').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** The last account-local date whose metrics were fully read (incremental syncs restart a few days before it). */
    metricsSyncedThrough: date('metrics_synced_through', { mode: 'string' }),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('ad_accounts_workspace_platform_external_key').on(t.workspaceId, t.platform, t.externalId),
    index('ad_accounts_connection_id_idx').on(t.connectionId),
    check('ad_accounts_platform', platformCheck(t.platform)),
    check('ad_accounts_sync_status', sql`${t.syncStatus} in ('queued', 'syncing', 'synced', 'failed', 'needs_reconnect')`),
  ],
);

/** Campaigns, ad sets and ads as last read from the platform, budgets in the account's minor units. */
export const adEntities = pgTable(
  'ad_entities',
  {
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: adPlatformIds }).notNull(),
    level: text('level', { enum: ['campaign', 'ad_set', 'ad'] }).notNull(),
    externalId: text('external_id').notNull(),
    adAccountId: text('ad_account_id')
      .notNull()
      .references(() => adAccounts.id, { onDelete: 'cascade' }),
    parentExternalId: text('parent_external_id'),
    campaignExternalId: text('campaign_external_id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED'] }).notNull(),
    platformStatus: text('platform_status').notNull(),
    dailyBudgetMinor: bigint('daily_budget_minor', { mode: 'number' }),
    lifetimeBudgetMinor: bigint('lifetime_budget_minor', { mode: 'number' }),
    objective: text('objective'),
    raw: jsonb('raw').$type<Record<string, unknown>>().notNull(),
    syncedAt: timestamp('synced_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.platform, t.level, t.externalId] }),
    index('ad_entities_ad_account_id_idx').on(t.adAccountId, t.level),
    check('ad_entities_platform', platformCheck(t.platform)),
  ],
);

/**
 * One ad's numbers for one account-local day, in the account's currency (METRICS.md). Keyed
 * by (workspace, platform, ad, date): a repeated or overlapping sync overwrites, never adds.
 */
export const adDailyMetrics = pgTable(
  'ad_daily_metrics',
  {
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: adPlatformIds }).notNull(),
    adExternalId: text('ad_external_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    adAccountId: text('ad_account_id')
      .notNull()
      .references(() => adAccounts.id, { onDelete: 'cascade' }),
    currency: text('currency').notNull(),
    spendMinor: bigint('spend_minor', { mode: 'number' }).notNull(),
    impressions: bigint('impressions', { mode: 'number' }).notNull(),
    clicks: bigint('clicks', { mode: 'number' }).notNull(),
    /** Counts; Google's data-driven attribution reports fractions, so not integers. */
    purchases: doublePrecision('purchases').notNull(),
    revenueMinor: bigint('revenue_minor', { mode: 'number' }).notNull(),
    leads: doublePrecision('leads').notNull(),
    raw: jsonb('raw').$type<Record<string, unknown>>().notNull(),
    syncedAt: timestamp('synced_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.platform, t.adExternalId, t.date] }),
    index('ad_daily_metrics_account_date_idx').on(t.adAccountId, t.date),
    check('ad_daily_metrics_platform', platformCheck(t.platform)),
  ],
);

export type PlatformConnectionRow = typeof platformConnections.$inferSelect;
export type AdAccountRow = typeof adAccounts.$inferSelect;

/**
 * Meta's Event Match Quality per pixel and event (0–10), as last read by sync: the signal health
 * panel shows it, and the trust gate will weigh it.
 */
export const pixelQuality = pgTable(
  'pixel_quality',
  {
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: adPlatformIds }).notNull(),
    pixelId: text('pixel_id').notNull(),
    eventName: text('event_name').notNull(),
    adAccountId: text('ad_account_id')
      .notNull()
      .references(() => adAccounts.id, { onDelete: 'cascade' }),
    pixelName: text('pixel_name').notNull(),
    /** Null when the platform has no score for the event yet (too few events in its window). */
    matchQuality: doublePrecision('match_quality'),
    syncedAt: timestamp('synced_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.platform, t.pixelId, t.eventName] }),
    index('pixel_quality_ad_account_id_idx').on(t.adAccountId),
    check('pixel_quality_platform', platformCheck(t.platform)),
  ],
);
