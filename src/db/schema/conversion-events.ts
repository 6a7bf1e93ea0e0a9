import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantKey } from './columns.js';
import { leads } from './leads.js';
import { workspaces } from './workspaces.js';

/**
 * A funnel event owed to one ad platform (the outbox of server-side conversions). Written
 * in the transaction that records its cause; delivery, retries and dedup by
 * (platform, pixel, event_id) belong to the conversions capability.
 */
export const conversionEvents = pgTable(
  'conversion_events',
  {
    id: text('id').primaryKey(),
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    leadId: text('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    platform: text('platform', { enum: ['meta', 'google', 'tiktok', 'snapchat'] }).notNull(),
    /** The platform's own event name: Lead / CompleteRegistration (Meta, TikTok), sign_up (Google), SIGN_UP (Snapchat). */
    eventName: text('event_name').notNull(),
    /** Shared with the browser pixel so the platform deduplicates the two copies. */
    eventId: text('event_id').notNull(),
    eventTime: timestamp('event_time', { withTimezone: true, mode: 'date' }).notNull(),
    /** What is known to match the person (hashed later, per platform): email, phone, click ids, cookies, IP, user agent. */
    matchData: jsonb('match_data').$type<Record<string, string>>().notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'expired', 'dead'] }).notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('conversion_events_dedup_key').on(t.workspaceId, t.platform, t.eventName, t.eventId),
    index('conversion_events_workspace_status_idx').on(t.workspaceId, t.status),
    index('conversion_events_lead_id_idx').on(t.leadId),
  ],
);
