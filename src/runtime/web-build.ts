import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import type { Logger } from 'pino';

/** The prerendered landing page, one document per language, inside the web build. */
export const LANDING_DIR = 'landing';
export const landingFile = (distDir: string, language: string) => path.join(distDir, LANDING_DIR, `${language}.html`);
const LANDING_TEMPLATE = 'landing.html';
const RENDER_ENTRY = 'src/pages/landing/render.tsx';
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (full.includes(`${path.sep}node_modules${path.sep}`)) continue;
    newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

interface LandingRenderer {
  renderLandingDocuments(template: string): Record<string, string>;
}

/**
 * Renders the landing page into the client build: Vite has built web/landing.html (with the
 * page script's and stylesheet's fingerprinted tags) into `distDir`; a server-side build of
 * the page's React components fills it once per language into landing/<lang>.html.
 */
async function prerenderLanding(opts: { sourceDir: string; distDir: string; logLevel: 'warn' | 'info' }): Promise<void> {
  const { build } = await import('vite');
  // Inside the project, so the server build resolves react-dom from its node_modules (and is ESM).
  const cacheDir = path.join(path.dirname(path.resolve(opts.sourceDir)), 'node_modules', '.cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const ssrDir = fs.mkdtempSync(path.join(cacheDir, 'stratum-landing-ssr-'));
  try {
    await build({
      configFile: path.join(opts.sourceDir, 'vite.config.ts'),
      logLevel: opts.logLevel,
      build: { ssr: path.join(opts.sourceDir, RENDER_ENTRY), outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
    });
    const entry = fs.readdirSync(ssrDir).find((f) => /^render\.m?js$/.test(f));
    if (!entry) throw new Error(`The landing page's server build produced no render.js in ${ssrDir}`);
    const renderer = (await import(pathToFileURL(path.join(ssrDir, entry)).href)) as LandingRenderer;
    const templateFile = path.join(opts.distDir, LANDING_TEMPLATE);
    const documents = renderer.renderLandingDocuments(fs.readFileSync(templateFile, 'utf8'));
    fs.mkdirSync(path.join(opts.distDir, LANDING_DIR), { recursive: true });
    for (const [language, html] of Object.entries(documents)) fs.writeFileSync(landingFile(opts.distDir, language), html);
    // The template is not a page: it must not be served as one.
    fs.rmSync(templateFile);
  } finally {
    fs.rmSync(ssrDir, { recursive: true, force: true });
  }
}

/** Brotli and gzip copies beside each text asset, served by @fastify/static (`preCompressed`). */
function precompress(distDir: string): void {
  for (const entry of fs.readdirSync(distDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const data = fs.readFileSync(file);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
  }
}

/**
 * The whole web build, as `npm run build:web` and a first `npm start` run it: the app and the
 * landing page's script (Vite), the prerendered landing page, and compressed copies.
 */
export async function buildWeb(opts: { sourceDir: string; distDir: string; logLevel?: 'warn' | 'info' }): Promise<void> {
  const logLevel = opts.logLevel ?? 'warn';
  const { build } = await import('vite');
  await build({ configFile: path.join(opts.sourceDir, 'vite.config.ts'), logLevel, build: { outDir: opts.distDir, emptyOutDir: true } });
  await prerenderLanding({ sourceDir: opts.sourceDir, distDir: opts.distDir, logLevel });
  precompress(opts.distDir);
}

/** Whether a build exists and is complete (an older build may lack the prerendered landing page). */
export function builtAt(distDir: string): number {
  const files = [path.join(distDir, 'index.html'), landingFile(distDir, 'en'), landingFile(distDir, 'ar')];
  if (!files.every((f) => fs.existsSync(f))) return 0;
  return Math.min(...files.map((f) => fs.statSync(f).mtimeMs));
}

/**
 * `npm start` serves the built app; build it first when the build is missing or older
 * than its sources. A deployment that ships only `dist/web` (no `web/` sources) skips this.
 */
export async function ensureWebBuild(opts: { sourceDir: string; distDir: string; log: Logger }): Promise<void> {
  if (!fs.existsSync(opts.sourceDir)) return;
  if (builtAt(opts.distDir) >= newestMtime(opts.sourceDir)) return;
  opts.log.info('building the web app (first start, or its sources changed)…');
  const t0 = performance.now();
  await buildWeb({ sourceDir: opts.sourceDir, distDir: opts.distDir });
  opts.log.info({ seconds: Math.round((performance.now() - t0) / 100) / 10 }, 'web app built');
}
