import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Where email goes when no mail server is configured (the embedded default): kept here
 * and shown at /dev/mailbox instead of being sent. Installation-wide, like a mail spool.
 */
export const devMailboxMessages = pgTable(
  'dev_mailbox_messages',
  {
    id: text('id').primaryKey(),
    toAddress: text('to_address').notNull(),
    fromAddress: text('from_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('dev_mailbox_messages_created_at_idx').on(t.createdAt), index('dev_mailbox_messages_to_idx').on(t.toAddress)],
);
