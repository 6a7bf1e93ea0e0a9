import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantKey, timestamps } from './columns.js';
import { leads } from './leads.js';
import { workspaces } from './workspaces.js';

export const crmProviders = ['hubspot', 'zoho', 'webhook'] as const;
export type CrmProvider = (typeof crmProviders)[number];
export const crmPushStatuses = ['pending', 'sent', 'failed'] as const;

/**
 * A lead owed to a CRM, written in the lead's transaction; the `crm.push-lead` job delivers
 * it and records the outcome here, so a failure stays visible after the job gives up.
 */
export const crmPushes = pgTable(
  'crm_pushes',
  {
    id: text('id').primaryKey(),
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: crmProviders }).notNull(),
    status: text('status', { enum: crmPushStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** The CRM's id for the record (HubSpot contact id, Zoho lead id); null for webhooks. */
    externalId: text('external_id'),
    lastHttpStatus: integer('last_http_status'),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('crm_pushes_lead_provider_key').on(t.leadId, t.provider),
    index('crm_pushes_workspace_status_idx').on(t.workspaceId, t.status),
    check('crm_pushes_provider', sql`${t.provider} in ('hubspot', 'zoho', 'webhook')`),
    check('crm_pushes_status', sql`${t.status} in ('pending', 'sent', 'failed')`),
  ],
);

export type CrmPushRow = typeof crmPushes.$inferSelect;
