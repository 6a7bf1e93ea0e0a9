import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { landingFile } from '../runtime/web-build.js';
import { LANGUAGE_COOKIE, landingLanguages, negotiateLandingLanguage, type LandingLanguage } from './landing-language.js';

/** The build leaves this where absolute URLs go (canonical, hreflang, og:url); see web/src/pages/landing/render.tsx. */
const PUBLIC_URL_TOKEN = '%STRATUM_PUBLIC_URL%';
const ONE_YEAR_S = 365 * 24 * 3600;

export interface LandingOptions {
  publicUrl: string;
  /** Extra tags for `<head>` (the analytics snippets), added at start, not at build time. */
  headHtml: string;
}

interface LandingPage {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

export type LandingPages = Record<LandingLanguage, LandingPage>;

/**
 * The prerendered landing documents of a web build, finished for this server (its public URL,
 * the configured analytics) and compressed once. Null when the build has none (an older build).
 */
export function loadLandingPages(distDir: string, opts: LandingOptions): LandingPages | null {
  const files = landingLanguages.map((l) => [l, landingFile(distDir, l)] as const);
  if (!files.every(([, f]) => fs.existsSync(f))) return null;
  const pages = {} as LandingPages;
  for (const [language, file] of files) {
    let html = fs.readFileSync(file, 'utf8').replaceAll(PUBLIC_URL_TOKEN, opts.publicUrl);
    if (opts.headHtml) html = html.replace('</head>', () => `  ${opts.headHtml}\n  </head>`);
    const identity = Buffer.from(html, 'utf8');
    pages[language] = {
      identity,
      br: zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: zlib.gzipSync(identity, { level: 9 }),
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
    };
  }
  return pages;
}

/** br, then gzip, among the codings the client accepts (a `;q=0` refuses one). */
export function pickEncoding(header: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set<string>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [coding, ...params] = part.trim().split(';');
    if (params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) continue;
    if (coding) accepted.add(coding.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

const firstString = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null);

/**
 * `GET /` (and HEAD): the landing page in the visitor's language, after the page-view hook
 * (attribution cookies, server-side touch). The language comes from `?lang=`, the remembered
 * choice, or Accept-Language, so caches must key on those headers.
 */
export function registerLanding(
  app: FastifyInstance,
  pages: LandingPages,
  opts: { publicUrl: string; onPageView?: (req: FastifyRequest, reply: FastifyReply) => Promise<void> },
): void {
  const secure = opts.publicUrl.startsWith('https://');
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const { language, explicit } = negotiateLandingLanguage({
      query: { lang: firstString(query.lang), lng: firstString(query.lng) },
      cookie: req.cookies?.[LANGUAGE_COOKIE],
      acceptLanguage: req.headers['accept-language'],
    });
    await opts.onPageView?.(req, reply);
    // A language asked for in the address is remembered, so a later plain `/` keeps it.
    if (explicit) reply.setCookie(LANGUAGE_COOKIE, language, { path: '/', maxAge: ONE_YEAR_S, sameSite: 'lax', secure, httpOnly: false });

    const page = pages[language];
    reply
      .header('cache-control', 'no-cache')
      .header('vary', 'Accept-Language, Cookie, Accept-Encoding')
      .header('content-language', language)
      .header('etag', page.etag)
      .type('text/html; charset=utf-8');
    if (req.headers['if-none-match'] === page.etag) return reply.status(304).send();
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (!encoding) return reply.send(page.identity);
    return reply.header('content-encoding', encoding).send(page[encoding]);
  });
}
