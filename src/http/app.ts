import type { TokenVault } from '../connections/vault.js';
import type { PlatformRegistry } from '../connections/registry.js';
import { connectionParts } from '../connections/job-services.js';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/types.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Metrics } from '../observability/metrics.js';
import { installErrorHandling } from './error-handler.js';
import { AppError } from '../errors.js';
import { installCsrfProtection } from './csrf.js';
import { captureRoutes } from '../capture/routes.js';
import { statsRoutes } from '../capture/stats-routes.js';
import { authRoutes } from '../accounts/routes.js';
import { ssoRoutes } from '../accounts/sso/routes.js';
import { onboardingRoutes } from '../onboarding/routes.js';
import { connectionRoutes } from '../connections/routes.js';
import { unsubscribeRoutes } from '../accounts/unsubscribe-routes.js';
import { requestId } from './request-id.js';
import { registerWeb } from './web.js';
import { pageCookies } from './page-cookies.js';
import { analyticsSnippets, withAnalyticsCsp } from './analytics.js';
import { systemRoutes } from '../system/routes.js';
import { devMailboxRoutes } from '../email/routes.js';
import { usesDevMailbox } from '../email/transport.js';
import { version } from '../version.js';

export interface HttpDeps {
  config: Config;
  log: Logger;
  db: DatabaseHandle;
  queue: JobQueue;
  metrics: Metrics;
  startedAt: Date;
  /** Token vault and platform adapters; built from `config` when not given. */
  connections?: { vault: TokenVault; platforms: PlatformRegistry };
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: HttpDeps & { connections: { vault: TokenVault; platforms: PlatformRegistry } };
  }
}

export async function buildHttpApp(deps: HttpDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log.child({ component: 'http' }) as FastifyBaseLogger,
    genReqId: requestId,
    requestIdHeader: false,
    bodyLimit: deps.config.http.bodyLimitBytes,
    trustProxy: deps.config.http.trustProxy,
    return503OnClosing: true,
  });
  app.decorate('deps', { ...deps, connections: deps.connections ?? connectionParts(deps.config) });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // Fastify keeps idle keep-alive sockets for 72 s, which would hold a shutdown open:
  // once closing, every response still in flight tells its client to hang up.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => {
    deps.metrics.httpDuration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  await app.register(cookie);
  // Limits are set per route (intake, auth); an in-process store, so each API process counts alone.
  await app.register(rateLimit, {
    global: false,
    // The plugin throws what this returns; an AppError goes through the one error envelope.
    errorResponseBuilder: (_req, ctx) => {
      const seconds = Math.ceil(ctx.ttl / 1000);
      return new AppError('RATE_LIMITED', `Too many requests; try again in ${seconds} s`, { retryAfterSeconds: seconds });
    },
  });
  installCsrfProtection(app, deps.config.http.publicUrl);
  // Clarity/Hotjar on the landing page, when configured: their snippet and, only then, their hosts.
  const analytics = analyticsSnippets(deps.config.analytics);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: withAnalyticsCsp(
        {
          // The app loads only its own bundles; images may be data: URIs (icons).
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          // Embedded mode is plain http (often a LAN address); TLS and its upgrade belong to the proxy.
          'upgrade-insecure-requests': null,
        },
        analytics.csp,
      ),
    },
    // Served over plain http on localhost in the embedded mode; a proxy adds HSTS in production.
    strictTransportSecurity: false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Stratum API', version, description: 'Trust-gated ad autopilot for Meta, Google, TikTok and Snapchat.' },
      servers: [{ url: deps.config.http.publicUrl }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(systemRoutes);
  await app.register(captureRoutes);
  await app.register(statsRoutes);
  await app.register(authRoutes);
  await app.register(ssoRoutes);
  await app.register(onboardingRoutes);
  await app.register(connectionRoutes);
  await app.register(unsubscribeRoutes);
  if (usesDevMailbox(deps.config.email)) await app.register(devMailboxRoutes);
  await registerWeb(app, deps.config.web.distDir, pageCookies(deps.config.http.publicUrl), {
    publicUrl: deps.config.http.publicUrl,
    headHtml: analytics.html,
  });
  return app;
}
