import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

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

/**
 * `npm start` serves the built app; build it first when the build is missing or older
 * than its sources. A deployment that ships only `dist/web` (no `web/` sources) skips this.
 */
export async function ensureWebBuild(opts: { sourceDir: string; distDir: string; log: Logger }): Promise<void> {
  const index = path.join(opts.distDir, 'index.html');
  if (!fs.existsSync(opts.sourceDir)) return;
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (builtAt >= newestMtime(opts.sourceDir)) return;
  opts.log.info('building the web app (first start, or its sources changed)…');
  const t0 = performance.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(opts.sourceDir, 'vite.config.ts'), logLevel: 'warn', build: { outDir: opts.distDir, emptyOutDir: true } });
  opts.log.info({ seconds: Math.round((performance.now() - t0) / 100) / 10 }, 'web app built');
}
