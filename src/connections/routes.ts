import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { errorEnvelopeSchema } from '../http/schemas.js';
import { currentUser, requireUser } from '../http/session.js';
import { platformIds } from '../platforms/types.js';
import { availableAccounts, disconnect, selectAccounts, syncNow } from './accounts.js';
import { CallbackError, completeConnection, startConnection } from './oauth-flow.js';
import type { ConnectionServices } from './services.js';
import { connectionStatus } from './status.js';
import { availableAccountSchema, connectionStatusSchema, selectAccountsSchema } from './routes.schema.js';

const errors = { 400: errorEnvelopeSchema, 401: errorEnvelopeSchema, 403: errorEnvelopeSchema, 404: errorEnvelopeSchema, 409: errorEnvelopeSchema, 503: errorEnvelopeSchema };
const platformParam = z.object({ platform: z.enum(platformIds) });

/** Stage 6: connect ad platforms by OAuth, pick accounts, follow the sync. */
export const connectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, queue, config, connections } = app.deps;
  const services = (): ConnectionServices => ({ db: db.db, vault: connections.vault, platforms: connections.platforms, publicUrl: config.http.publicUrl, now: () => new Date() });

  app.get(
    '/api/v1/connections',
    { preHandler: requireUser, schema: { tags: ['connections'], summary: 'Each platform: state, accounts and sync progress (the connect page polls this)', response: { 200: connectionStatusSchema, ...errors } } },
    async (req) => ({ platforms: await connectionStatus(services(), (await currentUser(req))!.workspaceId) }),
  );

  app.get(
    '/api/v1/oauth/:platform/start',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['connections'], summary: "Redirects to the platform's consent screen (state bound to this session; PKCE where supported)", params: platformParam, response: { 302: z.null(), ...errors } },
    },
    async (req, reply) => {
      const user = await currentUser(req);
      if (!user) return reply.redirect(`/login?next=${encodeURIComponent('/connect')}`, 302);
      const url = await startConnection(services(), user, req.cookies[SESSION_COOKIE]!, req.params.platform);
      return reply.redirect(url.toString(), 302);
    },
  );

  app.get(
    '/api/v1/oauth/:platform/callback',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['connections'],
        summary: 'Where the platform returns the browser: checks state, exchanges the code, lists the accounts, then the selection step',
        params: platformParam,
        // Each platform names things its own way (TikTok sends auth_code; Meta error_reason).
        querystring: z.object({
          code: z.string().max(4096).optional(),
          auth_code: z.string().max(4096).optional(),
          state: z.string().max(512).optional(),
          error: z.string().max(200).optional(),
          error_description: z.string().max(1000).optional(),
          error_reason: z.string().max(200).optional(),
        }).passthrough(),
        response: { 302: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const { platform } = req.params;
      const user = await currentUser(req);
      if (!user) return reply.redirect(`/login?next=${encodeURIComponent('/connect')}`, 302);
      const q = req.query;
      try {
        await completeConnection(services(), user, req.cookies[SESSION_COOKIE]!, platform, {
          code: q.code ?? q.auth_code,
          state: q.state,
          error: q.error ?? (q.error_reason ? q.error_reason : undefined),
          errorDescription: q.error_description,
        });
        return reply.redirect(`/connect?select=${platform}`, 302);
      } catch (err) {
        if (!(err instanceof CallbackError)) throw err;
        req.log.warn({ platform, problem: err.problem, reason: err.message }, 'connect callback refused');
        return reply.redirect(`/connect?${new URLSearchParams({ platform, error: err.problem }).toString()}`, 302);
      }
    },
  );

  app.get(
    '/api/v1/connections/:platform/accounts',
    { preHandler: requireUser, schema: { tags: ['connections'], summary: 'The ad accounts the grant reaches, for the selection step', params: platformParam, response: { 200: z.object({ accounts: z.array(availableAccountSchema) }), ...errors } } },
    async (req) => ({ accounts: await availableAccounts(services(), (await currentUser(req))!.workspaceId, req.params.platform) }),
  );

  app.post(
    '/api/v1/connections/:platform/accounts',
    {
      preHandler: requireUser,
      schema: { tags: ['connections'], summary: 'Connect the selected accounts and start their first sync', params: platformParam, body: selectAccountsSchema, response: { 202: z.object({ queued: z.number().int() }), ...errors } },
    },
    async (req, reply) => {
      const result = await selectAccounts({ ...services(), queue }, (await currentUser(req))!, req.params.platform, req.body.account_ids);
      return reply.status(202).send(result);
    },
  );

  app.post(
    '/api/v1/connections/:platform/sync',
    { preHandler: requireUser, schema: { tags: ['connections'], summary: "Sync this platform's accounts now", params: platformParam, response: { 202: z.object({ queued: z.number().int() }), ...errors } } },
    async (req, reply) => reply.status(202).send(await syncNow({ db: db.db, queue }, (await currentUser(req))!, req.params.platform)),
  );

  app.delete(
    '/api/v1/connections/:platform',
    { preHandler: requireUser, schema: { tags: ['connections'], summary: 'Disconnect: deletes the tokens, the accounts and their synced data', params: platformParam, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await disconnect({ db: db.db }, (await currentUser(req))!, req.params.platform);
      return reply.status(204).send(null);
    },
  );
};
