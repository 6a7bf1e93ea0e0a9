import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { errorEnvelopeSchema } from '../../http/schemas.js';
import { requestMeta } from '../../http/request-meta.js';
import { setSessionCookie } from '../../http/session.js';
import type { SsoProvider } from '../../db/schema/sso.js';
import { clearAttemptCookie, SSO_COOKIE, setAttemptCookie } from './cookie.js';
import { ssoErrorLocation } from './errors.js';
import { finishSsoSignIn, startSsoSignIn, type SsoDeps } from './flow.js';
import { OidcClients, ProviderUnavailable } from './oidc.js';
import { ssoCallbackInputSchema, ssoProviderSchema, ssoStartInputSchema, type SsoCallbackInput, type SsoStartInput } from './start.schema.js';

const params = z.object({ provider: ssoProviderSchema });
const redirect = { 302: z.null() };
const errors = { 400: errorEnvelopeSchema, 403: errorEnvelopeSchema, 404: errorEnvelopeSchema, 429: errorEnvelopeSchema };

/** "Continue with Google / Microsoft / Apple": OpenID Connect, authorization code with PKCE. */
export const ssoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, queue, config } = app.deps;
  const publicUrl = config.http.publicUrl;
  const clients = new OidcClients(config.sso.providers, publicUrl);
  const deps: SsoDeps = { db: db.db, queue, crmProvider: config.crm.provider, clients };

  // Apple answers with a form post (application/x-www-form-urlencoded). Parsed here only, for these routes.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 32 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const enabled = (provider: SsoProvider) => {
    if (!clients.has(provider)) throw new AppError('NOT_FOUND', `Sign-in with ${provider} is not configured`);
  };

  app.get(
    '/api/v1/auth/sso/providers',
    {
      schema: {
        tags: ['auth'],
        summary: 'Single sign-on providers that are configured (Google, Microsoft, Apple through OpenID Connect)',
        response: { 200: z.object({ providers: z.array(ssoProviderSchema) }) },
      },
    },
    async () => ({ providers: clients.enabled() }),
  );

  const start = async (req: FastifyRequest, provider: SsoProvider, input: SsoStartInput, reply: FastifyReply) => {
    enabled(provider);
    try {
      const { redirectTo, browserSecret } = await startSsoSignIn(deps, provider, input, requestMeta(req));
      setAttemptCookie(reply, provider, browserSecret, publicUrl);
      return redirectTo;
    } catch (err) {
      if (!(err instanceof ProviderUnavailable)) throw err;
      req.log.warn({ err }, 'sign-in provider unavailable');
      return null;
    }
  };
  const rateLimit = { max: 30, timeWindow: '1 minute' };

  app.post(
    '/api/v1/auth/sso/:provider/start',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: "Start signing in with a provider, carrying the page's attribution; answers where to send the browser",
        description:
          'The page then navigates to `authorization_url` (a navigation, not a form post, so no form-action policy stands between it and the provider). Sets the cookie that binds the attempt to this browser.',
        params,
        body: ssoStartInputSchema,
        response: { 200: z.object({ authorization_url: z.url() }), ...errors, 503: errorEnvelopeSchema },
      },
    },
    async (req, reply) => {
      const url = await start(req, req.params.provider, req.body, reply);
      if (url === null) throw new AppError('UNAVAILABLE', `Signing in with ${req.params.provider} is unavailable right now`, { sso_error: 'unavailable' });
      return { authorization_url: url };
    },
  );
  app.get(
    '/api/v1/auth/sso/:provider/start',
    {
      config: { rateLimit },
      schema: { tags: ['auth'], summary: 'Start signing in with a provider from a plain link (redirects to it)', params, querystring: ssoStartInputSchema, response: { ...redirect, ...errors } },
    },
    async (req, reply) => {
      const url = await start(req, req.params.provider, req.query, reply);
      const { intent, lang: language } = req.query;
      return reply.redirect(url ?? ssoErrorLocation('unavailable', { intent, language, provider: req.params.provider }), 302);
    },
  );

  const callback = async (req: FastifyRequest, reply: FastifyReply, provider: SsoProvider, input: SsoCallbackInput) => {
    enabled(provider);
    const result = await finishSsoSignIn(deps, provider, input, req.cookies[SSO_COOKIE], requestMeta(req));
    clearAttemptCookie(reply, provider);
    if (result.outcome === 'error') {
      req.log.warn({ provider, code: result.code, detail: result.detail }, 'sign-in with a provider refused');
      return reply.redirect(result.location, 302);
    }
    setSessionCookie(reply, result.sessionToken, publicUrl);
    return reply.redirect(result.location, 302);
  };
  const callbackSchema = { tags: ['auth'], params, response: { ...redirect, ...errors } };

  app.get(
    '/api/v1/auth/sso/:provider/callback',
    { config: { rateLimit }, schema: { ...callbackSchema, summary: "The provider's redirect back: signs in or creates the account", querystring: ssoCallbackInputSchema } },
    (req, reply) => callback(req, reply, req.params.provider, req.query),
  );
  app.post(
    '/api/v1/auth/sso/:provider/callback',
    {
      // Apple posts the answer from appleid.apple.com: a cross-site form the origin check would refuse.
      // The state, bound to this browser's cookie and used once, is what protects this route.
      config: { rateLimit, crossSiteForm: true },
      schema: { ...callbackSchema, summary: "The provider's form post back (Apple): signs in or creates the account", body: ssoCallbackInputSchema },
    },
    (req, reply) => callback(req, reply, req.params.provider, req.body),
  );
};
