import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorEnvelopeSchema } from '../http/schemas.js';
import { checkReadiness, getSystemStatus } from './status.js';
import { readinessSchema, systemStatusSchema } from './status.schema.js';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    '/healthz',
    { schema: { tags: ['system'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['system'],
        summary: 'The database and the job queue answer',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (_req, reply) => {
      const r = await checkReadiness(deps);
      return reply.status(r.status === 'ok' ? 200 : 503).send(r);
    },
  );

  app.get('/metrics', { schema: { tags: ['system'], summary: 'Prometheus metrics', hide: true } }, async (_req, reply) => {
    const body = await deps.metrics.registry.metrics();
    return reply.type(deps.metrics.registry.contentType).send(body);
  });

  app.get(
    '/api/v1/system/status',
    {
      schema: {
        tags: ['system'],
        summary: 'Version, mode, database, queues and scheduler',
        response: { 200: systemStatusSchema, 500: errorEnvelopeSchema },
      },
    },
    async () => getSystemStatus(deps),
  );
};
