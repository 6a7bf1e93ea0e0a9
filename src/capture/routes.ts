import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signUp } from '../accounts/signup.js';
import { errorEnvelopeSchema } from '../http/schemas.js';
import { requestMeta } from '../http/request-meta.js';
import { leadInputSchema, leadOutputSchema, subscribeInputSchema, subscribeOutputSchema } from './intake.schema.js';
import { createLeadIntake } from './submit-lead.js';
import { collectInputSchema } from './collect.schema.js';
import { collectPageEvents } from './collect.js';
import { houseScope } from '../accounts/house.js';
import { z } from 'zod';

const errors = { 400: errorEnvelopeSchema, 429: errorEnvelopeSchema };

/** Stage 1–3 intake: the landing page's signup and lead forms. */
export const captureRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, queue, config } = app.deps;
  const leadDeps = { db: db.db, queue, crmProvider: config.crm.provider };
  // One batch commits at a time, on either database: on PostgreSQL two or four at once measured
  // the same (the batches only got smaller), and PGlite has one connection (docs/benchmarks.md).
  const submitLead = createLeadIntake({ ...leadDeps, maxInFlight: 1 });

  app.post(
    '/api/v1/landing-cms/subscribe',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['capture'],
        summary: 'Sign up from the landing page: lead, account (pending verification), conversions, verification email',
        body: subscribeInputSchema,
        response: { 201: subscribeOutputSchema, ...errors },
      },
    },
    async (req, reply) => {
      const { outcome: _outcome, ...result } = await signUp(leadDeps, req.body, requestMeta(req));
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/v1/landing-cms/lead',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['capture'],
        summary: 'Store a lead without an account (demo request, contact form)',
        body: leadInputSchema,
        response: { 201: leadOutputSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await submitLead(req.body, requestMeta(req))),
  );

  app.post(
    '/api/v1/events/collect',
    {
      config: { rateLimit: { max: 240, timeWindow: '1 minute' } },
      schema: {
        tags: ['capture'],
        summary: 'Page analytics from the landing page: PageView, scroll depth, time on page (batched, deduplicated by event_id)',
        body: collectInputSchema,
        response: { 202: z.object({ accepted: z.number().int() }), ...errors },
      },
    },
    async (req, reply) => reply.status(202).send({ accepted: await collectPageEvents(db.db, houseScope, req.body, new Date()) }),
  );
};
