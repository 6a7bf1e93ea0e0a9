import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { sandboxPlatforms } from './platforms/index.js';
import { createWorld, registerWorldRoutes, type World } from './world/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The one shared world every imitation reads and changes. */
    world: World;
  }
}

export interface BuildSandboxOptions {
  logger?: Logger;
  /** Defaults to a fresh `createWorld()` (with `faults` as its fault spec). */
  world?: World;
  /** A `SANDBOX_FAULTS` spec for the world created here. */
  faults?: string;
}

export interface SandboxOptions extends BuildSandboxOptions {
  host: string;
  port: number;
}

export interface RunningSandbox {
  url: string;
  app: FastifyInstance;
  world: World;
  close(): Promise<void>;
}

const isLogger = (x: Logger | BuildSandboxOptions): x is Logger => typeof (x as Logger).info === 'function';

/**
 * The four platforms' imitation on one port: each real host lives under its own path
 * prefix (see `GET /_sandbox/platforms`), so an adapter reaches it by base URL alone.
 * Accepts a bare logger too, as callers did before the world existed.
 */
export async function buildSandbox(opts: BuildSandboxOptions | Logger = {}): Promise<FastifyInstance> {
  const { logger, world: given, faults } = isLogger(opts) ? { logger: opts, world: undefined, faults: undefined } : opts;
  const world = given ?? createWorld(faults ? { faults } : {});
  const app = Fastify({ ...(logger ? { loggerInstance: logger as FastifyBaseLogger } : { logger: false }), bodyLimit: 10 * 1024 * 1024 });
  app.decorate('world', world);

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
          await platform.register(scope, host, world);
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
  await app.register(async (scope) => registerWorldRoutes(scope, world));
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send({ error: 'not_found', message: `The sandbox serves no ${req.url.split('?')[0]}; see GET /_sandbox/platforms` }),
  );
  return app;
}

export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  const { host: listenHost, port: listenPort, ...build } = opts;
  const app = await buildSandbox(build);
  await app.listen({ host: listenHost, port: listenPort });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : listenPort;
  const host = listenHost === '0.0.0.0' || listenHost === '127.0.0.1' ? 'localhost' : listenHost;
  return { url: `http://${host}:${port}`, app, world: app.world, close: () => app.close() };
}
