import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { envelope } from '../errors.js';
import { loadLandingPages, registerLanding, type LandingOptions } from './landing.js';

function isApiPath(url: string): boolean {
  return /^\/(api|healthz|readyz|metrics)(\/|\?|$)/.test(url);
}

function wantsHtml(req: FastifyRequest): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && !isApiPath(req.url) && (req.headers.accept ?? '').includes('text/html');
}

export type PageViewHook = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * Serves the built web app (when there is one) and answers everything unknown: `/` gets the
 * prerendered landing page, any other page route the app's `index.html` (client-side
 * routing), anything else a JSON 404.
 */
export async function registerWeb(
  app: FastifyInstance,
  distDir: string,
  onPageView?: PageViewHook,
  landing: LandingOptions = { publicUrl: '', headHtml: '' },
): Promise<void> {
  const indexFile = path.join(distDir, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      // The build writes .br/.gz beside each asset; the smallest one the client accepts is sent.
      preCompressed: true,
      setHeaders(res, file) {
        // Vite fingerprints everything under assets/; the HTML must always be revalidated.
        res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const sendIndex = async (req: FastifyRequest, reply: FastifyReply) => {
      await onPageView?.(req, reply);
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
    };
    const pages = loadLandingPages(distDir, landing);
    // A build from before the landing page was prerendered: the app renders it instead.
    if (pages) registerLanding(app, pages, { publicUrl: landing.publicUrl, onPageView });
    else app.get('/', { schema: { hide: true } }, sendIndex);
  }
  app.setNotFoundHandler(async (req, reply) => {
    if (hasWeb && wantsHtml(req)) {
      await onPageView?.(req, reply);
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send(envelope('NOT_FOUND', `No route for ${req.method} ${req.url.split('?')[0]}`));
  });
}
