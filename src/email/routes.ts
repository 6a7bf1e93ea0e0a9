import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listDevMailbox } from './dev-mailbox.js';
import { extractLinks } from './links.js';
import { renderMailboxPage } from './mailbox-page.js';

const messageSchema = z.object({
  id: z.string(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  headers: z.record(z.string(), z.string()),
  /** Every link in the message, so a person or a test can follow "verify" without parsing HTML. */
  links: z.array(z.string()),
  sent_at: z.string(),
});

/**
 * The dev mailbox: what would have been emailed, for a developer or a test to read. Only
 * registered when enabled (never by default in production: it shows live tokens).
 */
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
        querystring: z.object({
          to: z.email().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(messageSchema) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const rows = await listDevMailbox(db.db, { limit: req.query.limit, ...(req.query.to ? { to: req.query.to } : {}) });
      return rows.map((m) => ({
        id: m.id,
        to: m.toAddress,
        from: m.fromAddress,
        subject: m.subject,
        text: m.textBody,
        html: m.htmlBody,
        headers: m.headers,
        links: extractLinks(m.htmlBody ?? '', m.textBody),
        sent_at: m.createdAt.toISOString(),
      }));
    },
  );
};
