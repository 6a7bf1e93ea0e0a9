import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { tenantKey } from './columns.js';
import { users } from './users.js';
import { workspaces } from './workspaces.js';

/** One attribution snapshot, as captured in the browser and on the server. */
export interface TouchJson {
  utm: Partial<Record<'source' | 'medium' | 'campaign' | 'content' | 'term', string>>;
  clickIds: Partial<Record<'fbclid' | 'gclid' | 'gbraid' | 'wbraid' | 'ttclid' | 'sccid', string>>;
  referrer: string | null;
  landingUrl: string | null;
  at: string;
}

export interface ScoreLine {
  rule: string;
  points: number;
  detail: string;
}

/**
 * A person who filled a form, with everything known about the click that brought them.
 * It belongs to the workspace whose site the form is on: Stratum's own marketing site is
 * the house workspace; the account a signup creates is linked by `user_id`.
 */
export const leads = pgTable(
  'leads',
  {
    id: text('id').primaryKey(),
    workspaceId: tenantKey().references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['signup', 'lead'] }).notNull(),
    email: text('email').notNull(),
    fullName: text('full_name'),
    companyName: text('company_name'),
    phoneE164: text('phone_e164'),
    phoneCountry: text('phone_country'),
    /** The phone as typed, kept when it could not be normalized. */
    phoneRaw: text('phone_raw'),
    language: text('language', { enum: ['en', 'ar'] }).notNull(),
    sourcePage: text('source_page'),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    utmContent: text('utm_content'),
    utmTerm: text('utm_term'),
    fbclid: text('fbclid'),
    gclid: text('gclid'),
    gbraid: text('gbraid'),
    wbraid: text('wbraid'),
    ttclid: text('ttclid'),
    sccid: text('sccid'),
    fbc: text('fbc'),
    fbp: text('fbp'),
    ttp: text('ttp'),
    scid: text('scid'),
    referrerUrl: text('referrer_url'),
    landingUrl: text('landing_url'),
    userAgent: text('user_agent'),
    ip: text('ip'),
    visitorId: text('visitor_id'),
    firstTouch: jsonb('first_touch').$type<TouchJson>(),
    lastTouch: jsonb('last_touch').$type<TouchJson>(),
    platform: text('platform').notNull(),
    platformVia: text('platform_via').notNull(),
    score: integer('score').notNull(),
    scoreBreakdown: jsonb('score_breakdown').$type<ScoreLine[]>().notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('leads_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('leads_workspace_email_idx').on(t.workspaceId, t.email),
    index('leads_user_id_idx').on(t.userId),
  ],
);

export type LeadRow = typeof leads.$inferSelect;
