import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorEnvelopeSchema } from '../http/schemas.js';
import { requestMeta } from '../http/request-meta.js';
import { clearSessionCookie, currentUser, requireUser, setSessionCookie } from '../http/session.js';
import { logIn } from './login.js';
import { getMe, meSchema } from './me.js';
import { resendVerification } from './resend-verification.js';
import { resolveSession, revokeSession, SESSION_COOKIE } from './sessions.js';
import { verifyEmail } from './verify-email.js';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.js';
import { passwordSchema } from './password-policy.js';

const errors = { 400: errorEnvelopeSchema, 401: errorEnvelopeSchema, 403: errorEnvelopeSchema, 429: errorEnvelopeSchema };

/** Stage 4: verification, sign-in, sign-out, and who is signed in. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, queue, config } = app.deps;
  const publicUrl = config.http.publicUrl;

  app.get(
    '/api/v1/auth/verify',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'The link in the verification email: verifies, signs in, and redirects',
        querystring: z.object({ token: z.string().max(200).default('') }),
        response: { 302: z.null() },
      },
    },
    async (req, reply) => {
      const result = await verifyEmail({ db: db.db, queue }, req.query.token, requestMeta(req));
      if (result.outcome === 'ok') {
        setSessionCookie(reply, result.sessionToken, publicUrl);
        return reply.redirect('/onboarding', 302);
      }
      const q = new URLSearchParams({ status: result.outcome, ...(result.email ? { email: result.email } : {}) });
      return reply.redirect(`/verify-email?${q.toString()}`, 302);
    },
  );

  app.post(
    '/api/v1/auth/resend-verification',
    {
      config: { rateLimit: { max: 3, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Send a new verification link (answers the same whether or not the account exists)',
        body: z.object({ email: z.email().max(320) }),
        response: { 202: z.object({ status: z.literal('sent') }), ...errors },
      },
    },
    async (req, reply) => {
      await resendVerification({ db: db.db, queue }, req.body.email);
      return reply.status(202).send({ status: 'sent' as const });
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: z.object({ email: z.email().max(320), password: z.string().min(1).max(256) }),
        response: { 200: meSchema, ...errors },
      },
    },
    async (req, reply) => {
      const meta = requestMeta(req);
      const session = await logIn(db.db, req.body.email, req.body.password, meta);
      setSessionCookie(reply, session.sessionToken, publicUrl);
      const user = await resolveSession(db.db, session.sessionToken, meta.now);
      return getMe(db.db, user!);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 204: z.null() } } },
    async (req, reply) => {
      await revokeSession(db.db, req.cookies[SESSION_COOKIE], new Date());
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password-reset/request',
    {
      config: { rateLimit: { max: 3, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Email a password reset link (answers the same whether or not the account exists)',
        body: z.object({ email: z.email().max(320) }),
        response: { 202: z.object({ status: z.literal('sent') }), ...errors },
      },
    },
    async (req, reply) => {
      await requestPasswordReset({ db: db.db, queue }, req.body.email);
      return reply.status(202).send({ status: 'sent' as const });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password from a reset link; signs in and ends every other session',
        body: z.object({ token: z.string().max(200), password: passwordSchema }),
        response: { 200: meSchema, ...errors },
      },
    },
    async (req, reply) => {
      const meta = requestMeta(req);
      const { sessionToken } = await confirmPasswordReset(db.db, req.body.token, req.body.password, meta);
      setSessionCookie(reply, sessionToken, publicUrl);
      return getMe(db.db, (await resolveSession(db.db, sessionToken, meta.now))!);
    },
  );

  app.get(
    '/api/v1/auth/me',
    { preHandler: requireUser, schema: { tags: ['auth'], summary: 'The signed-in user and their workspace', response: { 200: meSchema, 401: errorEnvelopeSchema } } },
    async (req) => getMe(db.db, (await currentUser(req))!),
  );
};
