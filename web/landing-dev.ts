import fs from 'node:fs';
import type { Plugin } from 'vite';
import { LANGUAGE_COOKIE, negotiateLandingLanguage } from '../src/http/landing-language.ts';
import type * as Render from './src/pages/landing/render.tsx';

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * `npm run dev`: answers `/` the way the server does in production, with the prerendered
 * landing page, rendered on each request from the current sources (so edits show on reload).
 * Everything else is the app, as before.
 */
export function landingDevServer(): Plugin {
  return {
    name: 'stratum-landing-dev',
    apply: 'serve',
    configureServer(server) {
      const templateFile = new URL('landing.html', import.meta.url);
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://dev.invalid');
        if (url.pathname !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
        void (async () => {
          const { language } = negotiateLandingLanguage({
            query: { lang: url.searchParams.get('lang'), lng: url.searchParams.get('lng') },
            cookie: cookie(req.headers.cookie, LANGUAGE_COOKIE),
            acceptLanguage: req.headers['accept-language'],
          });
          const render = (await server.ssrLoadModule('/src/pages/landing/render.tsx')) as typeof Render;
          const template = await server.transformIndexHtml('/', fs.readFileSync(templateFile, 'utf8'));
          const html = render
            .renderLandingDocument(template, language)
            .replaceAll(render.PUBLIC_URL_TOKEN, `http://${req.headers.host ?? 'localhost:5173'}`);
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.setHeader('cache-control', 'no-cache');
          res.end(req.method === 'HEAD' ? undefined : html);
        })().catch(next);
      });
    },
  };
}
