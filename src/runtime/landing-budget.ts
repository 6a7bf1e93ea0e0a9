import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The landing page's JavaScript budget: everything `/` makes the browser fetch before any interaction. */
export const LANDING_JS_BUDGET_BYTES = 50 * 1024;

export interface TransferredFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a landing document loads up front: every `<script src>` and
 * `<link rel="modulepreload">` it references (the page imports nothing else statically;
 * the signup island is fetched only on intent), with each file's gzip size.
 */
export function landingScripts(distDir: string, html: string): TransferredFile[] {
  const refs = new Set<string>();
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const t = tag[0];
    const isScript = tag[1]!.toLowerCase() === 'script';
    if (!isScript && !/\brel=["']?modulepreload\b/i.test(t)) continue;
    const url = /\b(?:src|href)=["']([^"']+)["']/i.exec(t)?.[1];
    if (url) refs.add(url);
    else if (isScript) refs.add('(inline)');
  }
  return [...refs].map((ref) => {
    if (!ref.startsWith('/')) throw new Error(`The landing page loads a script from outside the build: ${ref}`);
    const data = fs.readFileSync(path.join(distDir, ref.split('?')[0]!));
    return { path: ref, bytes: data.length, gzipBytes: zlib.gzipSync(data).length };
  });
}

/** The same for each prerendered language: the files and their gzip total. */
export function landingTransfer(distDir: string, language: string): { files: TransferredFile[]; gzipBytes: number; htmlGzipBytes: number } {
  const html = fs.readFileSync(path.join(distDir, 'landing', `${language}.html`), 'utf8');
  const files = landingScripts(distDir, html);
  return { files, gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0), htmlGzipBytes: zlib.gzipSync(html).length };
}
