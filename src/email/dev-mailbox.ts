import { desc, eq, sql } from 'drizzle-orm';
import { newId } from '../db/ids.js';
import { devMailboxMessages } from '../db/schema/index.js';
import type { DbOrTx } from '../db/types.js';
import { outgoingEmailSchema, type EmailTransport } from './types.js';

export type DevMailboxMessage = typeof devMailboxMessages.$inferSelect;

/** Keeps every message in the database instead of sending it; read back at /dev/mailbox. */
export function devMailboxTransport(db: DbOrTx): EmailTransport {
  return {
    kind: 'dev-mailbox',
    async send(message) {
      const m = outgoingEmailSchema.parse(message);
      const id = newId('email');
      await db.insert(devMailboxMessages).values({
        id,
        toAddress: m.to,
        fromAddress: m.from,
        subject: m.subject,
        textBody: m.text,
        htmlBody: m.html ?? null,
        headers: m.headers ?? {},
      });
      return { id };
    },
  };
}

export async function listDevMailbox(db: DbOrTx, opts: { to?: string; limit?: number } = {}): Promise<DevMailboxMessage[]> {
  return db
    .select()
    .from(devMailboxMessages)
    .where(opts.to ? eq(sql`lower(${devMailboxMessages.toAddress})`, opts.to.toLowerCase()) : undefined)
    .orderBy(desc(devMailboxMessages.createdAt), desc(devMailboxMessages.id))
    .limit(opts.limit ?? 100);
}
