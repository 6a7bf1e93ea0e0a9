import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listDevMailbox } from './dev-mailbox.js';
import { renderMailboxPage } from './mailbox-page.js';

const messageSchema = z.object({
  id: z.string(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  createdAt: z.string(),
});

/** The dev mailbox: what would have been emailed, for a developer or a test to read. */
export const devMailboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get('/dev/mailbox', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderMailboxPage(await listDevMailbox(db.db))),
  );
  app.get(
    '/api/v1/dev/mailbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Messages kept by the dev mailbox (newest first)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ messages: z.array(messageSchema) }) },
      },
    },
    async (req) => ({
      messages: (await listDevMailbox(db.db, req.query.limit)).map((m) => ({
        id: m.id,
        to: m.toAddress,
        from: m.fromAddress,
        subject: m.subject,
        text: m.textBody,
        html: m.htmlBody,
        createdAt: m.createdAt.toISOString(),
      })),
    }),
  );
};
