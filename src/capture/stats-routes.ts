import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { houseScope } from '../accounts/house.js';
import { workspaces } from '../db/schema/index.js';
import type { WorkspaceScope } from '../db/scope.js';
import { AppError } from '../errors.js';
import { hasOperatorToken } from '../http/operator-token.js';
import { errorEnvelopeSchema } from '../http/schemas.js';
import { currentUser } from '../http/session.js';
import { landingStats } from './stats.js';
import { resolveRange } from './stats-range.js';
import { statsOutputSchema, statsQuerySchema } from './stats.schema.js';

const errors = { 400: errorEnvelopeSchema, 401: errorEnvelopeSchema, 403: errorEnvelopeSchema, 404: errorEnvelopeSchema };

/** `GET /api/v1/landing-cms/stats`: a workspace's owners and admins, or Stratum's operators (platform admin token). */
export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;

  app.get(
    '/api/v1/landing-cms/stats',
    {
      schema: {
        tags: ['capture'],
        summary: 'Leads by day, platform, source and campaign; lead → verified → onboarded → connected rates',
        description:
          'Signed in as a workspace owner or admin: that workspace\'s leads. With `Authorization: Bearer <PLATFORM_ADMIN_TOKEN>`: the landing page\'s own leads (the house workspace), or `workspace_id`\'s.',
        querystring: statsQuerySchema,
        response: { 200: statsOutputSchema, ...errors },
      },
    },
    async (req) => {
      let scope: WorkspaceScope;
      if (hasOperatorToken(req, config.platformAdminToken)) {
        scope = req.query.workspace_id ? { workspaceId: req.query.workspace_id } : houseScope;
      } else {
        if (req.headers.authorization) throw new AppError('UNAUTHENTICATED', 'The bearer token is not valid');
        const user = await currentUser(req);
        if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in, or send the platform admin token');
        if (user.role !== 'owner' && user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only workspace owners and admins can see lead statistics');
        if (req.query.workspace_id && req.query.workspace_id !== user.workspaceId) {
          // Someone else's workspace is indistinguishable from none.
          throw new AppError('NOT_FOUND', 'No such workspace');
        }
        scope = { workspaceId: user.workspaceId };
      }
      const [ws] = await db.db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
      if (!ws) throw new AppError('NOT_FOUND', 'No such workspace');
      const range = resolveRange(req.query, req.query.time_zone ?? ws.timezone, new Date());
      return landingStats(db.db, scope, range);
    },
  );
};
