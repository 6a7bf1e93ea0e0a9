import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { sandboxPlatforms } from './platforms/index.js';

export interface SandboxOptions {
  host: string;
  port: number;
  logger?: Logger;
}

export interface RunningSandbox {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The four platforms' imitation on one port: each real host lives under its own path
 * prefix (see `GET /_sandbox/platforms`), so an adapter reaches it by base URL alone.
 */
export async function buildSandbox(logger?: Logger): Promise<FastifyInstance> {
  const app = Fastify({ ...(logger ? { loggerInstance: logger as FastifyBaseLogger } : { logger: false }), bodyLimit: 10 * 1024 * 1024 });

  app.get('/_sandbox/health', async () => ({ status: 'ok', platforms: sandboxPlatforms.map((p) => p.id) }));
  app.get('/_sandbox/platforms', async (req) => {
    const origin = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
    return {
      platforms: sandboxPlatforms.map((p) => ({
        id: p.id,
        name: p.name,
        hosts: p.hosts.map((h) => ({ ...h, baseUrl: origin + h.prefix })),
      })),
    };
  });

  for (const platform of sandboxPlatforms) {
    for (const host of platform.hosts) {
      await app.register(
        async (scope) => {
          await platform.register(scope, host);
          scope.setNotFoundHandler((req, reply) => platform.notFound(req, reply, host));
        },
        { prefix: host.prefix },
      );
    }
  }
  for (const platform of sandboxPlatforms) {
    const control = platform.control;
    if (control) await app.register(async (scope) => control.register(scope), { prefix: `/_sandbox/${control.prefix}` });
  }
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send({ error: 'not_found', message: `The sandbox serves no ${req.url.split('?')[0]}; see GET /_sandbox/platforms` }),
  );
  return app;
}

export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  const app = await buildSandbox(opts.logger);
  await app.listen({ host: opts.host, port: opts.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const host = opts.host === '0.0.0.0' || opts.host === '127.0.0.1' ? 'localhost' : opts.host;
  return { url: `http://${host}:${port}`, app, close: () => app.close() };
}
