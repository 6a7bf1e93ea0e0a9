import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitors } from '../../src/db/schema/index.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { FastifyInstance } from 'fastify';
import { buildHttpApp } from '../../src/http/app.js';
import { createTestStack, silentLog, testConfig, type TestStack } from '../support/stack.js';

/**
 * `/` as the server answers it: the prerendered landing page (rendered here from the real
 * template and components into a temporary build folder), in the visitor's language, with
 * the attribution cookies, and the analytics snippets only when configured.
 */
const EN_TITLE = 'Automate Your Ad Campaigns with AI';
const EN_SUBTITLE = 'Trust-Gated Autopilot for Meta, Google, TikTok &amp; Snapchat';
const AR_TITLE = 'أتمتة حملاتك الإعلانية بالذكاء الاصطناعي';
const CLARITY_ID = 'abc123xyz9';
const HOTJAR_ID = '1234567';

const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-landing-'));
let plain: TestStack;
/** The same stack's database and queue behind a second app configured with both analytics ids. */
let withAnalytics: { app: FastifyInstance };

beforeAll(async () => {
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
  // The web app's renderer: TSX, typed by web/tsconfig.json, compiled here by Vitest.
  const renderer = '../../web/src/pages/landing/render.tsx';
  const { renderLandingDocuments } = (await import(renderer)) as { renderLandingDocuments(template: string): Record<string, string> };
  const template = fs.readFileSync(path.resolve('web/landing.html'), 'utf8');
  fs.mkdirSync(path.join(webDir, 'landing'));
  for (const [language, html] of Object.entries(renderLandingDocuments(template))) {
    fs.writeFileSync(path.join(webDir, 'landing', `${language}.html`), html);
  }
  plain = await createTestStack({ env: { WEB_DIST_DIR: webDir, PUBLIC_URL: 'https://stratum.example' } });
  const config = testConfig({ WEB_DIST_DIR: webDir, CLARITY_PROJECT_ID: CLARITY_ID, HOTJAR_SITE_ID: HOTJAR_ID });
  const { db, queue, metrics } = plain;
  withAnalytics = { app: await buildHttpApp({ config, log: silentLog, db, queue, metrics, startedAt: new Date() }) };
});
afterAll(async () => {
  await withAnalytics?.app.close();
  await plain?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

function cookies(setCookie: string | string[] | undefined): Map<string, string> {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return new Map(all.map((c) => [c.split('=')[0]!, c.split(';')[0]!.split('=').slice(1).join('=')]));
}
const csp = (res: { headers: Record<string, unknown> }) => String(res.headers['content-security-policy']);
const directive = (policy: string, name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

describe('GET / (the prerendered landing page)', () => {
  it('is HTML with the hero, the sections and the page script, in English by default', async () => {
    const res = await plain.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-language']).toBe('en');
    expect(res.headers.vary).toMatch(/Accept-Language/);
    expect(res.headers.vary).toMatch(/Cookie/);
    expect(res.body).toContain('<html lang="en" dir="ltr">');
    expect(res.body).toContain(`>${EN_TITLE}</h1>`);
    expect(res.body).toContain(EN_SUBTITLE);
    for (const text of ['Real-time EMQ monitoring', 'Automated budget optimization', 'Cross-platform analytics', 'Start Free Trial', 'Watch Demo']) {
      expect(res.body).toContain(text);
    }
    for (const id of ['features', 'pricing', 'case-studies', 'about']) {
      expect(res.body).toContain(`href="#${id}"`);
      expect(res.body).toContain(`id="${id}"`);
    }
    expect(res.body).toMatch(/data-testid="testimonial"/);
    expect(res.body).toMatch(/SAR\s559/);
    expect(res.body).toContain('$149');
    expect(res.body).toContain(`<title>Stratum: ${EN_TITLE}</title>`);
    // Absolute URLs carry the server's public URL, not the build's placeholder.
    expect(res.body).toContain('<link rel="canonical" href="https://stratum.example/?lang=en" />');
    expect(res.body).not.toContain('%STRATUM_PUBLIC_URL%');
    expect(res.body).toContain('<script type="module" src="/src/pages/landing/main.ts"></script>');
  });

  it('is Arabic and right-to-left for ?lang=ar (and the app’s ?lng=ar), and remembers the choice', async () => {
    for (const url of ['/?lang=ar', '/?lng=ar']) {
      const res = await plain.app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.body).toContain('<html lang="ar" dir="rtl">');
      expect(res.body).toContain(`>${AR_TITLE}</h1>`);
      expect(res.body).toContain('ابدأ تجربتك المجانية');
      expect(res.headers['content-language']).toBe('ar');
      expect(cookies(res.headers['set-cookie']).get('stratum_lang')).toBe('ar');
    }
  });

  it('follows Accept-Language: ar-SA, unless the visitor chose English', async () => {
    const ar = await plain.app.inject({ url: '/', headers: { accept: 'text/html', 'accept-language': 'ar-SA,ar;q=0.9,en;q=0.8' } });
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain(AR_TITLE);
    expect(cookies(ar.headers['set-cookie']).has('stratum_lang')).toBe(false);

    const chosen = await plain.app.inject({ url: '/', headers: { 'accept-language': 'ar-SA' }, cookies: { stratum_lang: 'en' } });
    expect(chosen.body).toContain('<html lang="en" dir="ltr">');
    const asked = await plain.app.inject({ url: '/?lang=ar', cookies: { stratum_lang: 'en' } });
    expect(asked.body).toContain('<html lang="ar" dir="rtl">');
  });

  it('still sets the attribution cookies and remembers the touch on the server', async () => {
    const res = await plain.app.inject({ url: '/?utm_source=facebook&utm_campaign=automation_launch&fbclid=IwAR3test&lang=ar', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    const jar = cookies(res.headers['set-cookie']);
    expect(jar.get('_fbc')).toMatch(/^fb\.1\.\d{13}\.IwAR3test$/);
    expect(jar.get('_fbp')).toMatch(/^fb\.1\.\d{13}\.\d+$/);
    const vid = jar.get('stratum_vid')!;
    expect(vid).toMatch(/^[A-Za-z0-9]{32}$/);
    const [v] = await plain.db.db.select().from(visitors).where(and(eq(visitors.workspaceId, 'ws_stratum'), eq(visitors.id, vid)));
    expect(v!.firstTouch).toMatchObject({ utm: { source: 'facebook', campaign: 'automation_launch' }, clickIds: { fbclid: 'IwAR3test' } });
  });

  it('answers HEAD, compresses for clients that accept it, and revalidates with an ETag', async () => {
    const head = await plain.app.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(head.body).toBe('');

    const identity = await plain.app.inject({ url: '/' });
    for (const [coding, decode] of [['br', zlib.brotliDecompressSync], ['gzip', zlib.gunzipSync]] as const) {
      const res = await plain.app.inject({ url: '/', headers: { 'accept-encoding': `${coding}, deflate` } });
      expect(res.headers['content-encoding']).toBe(coding);
      expect(decode(res.rawPayload).toString('utf8')).toBe(identity.body);
    }
    const etag = String(identity.headers.etag);
    const again = await plain.app.inject({ url: '/', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });

  it('leaves the app routes to the app', async () => {
    const res = await plain.app.inject({ url: '/login', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
  });
});

describe('Clarity and Hotjar', () => {
  it('are absent, and not allowed by the CSP, when not configured', async () => {
    const res = await plain.app.inject({ url: '/' });
    expect(res.body).not.toMatch(/clarity|hotjar/i);
    expect(csp(res)).not.toMatch(/clarity|hotjar|sha256-/);
    expect(directive(csp(res), 'script-src')).toBe("script-src 'self'");
  });

  it('add their documented snippets when configured, and the CSP allows exactly them', async () => {
    for (const url of ['/', '/?lang=ar']) {
      const res = await withAnalytics.app.inject({ url });
      const head = res.body.slice(0, res.body.indexOf('</head>'));
      expect(head).toContain(`t.src="https://www.clarity.ms/tag/"+i;`);
      expect(head).toContain(`(window, document, "clarity", "script", "${CLARITY_ID}");`);
      expect(head).toContain(`h._hjSettings={hjid:${HOTJAR_ID},hjsv:6};`);
      expect(head).toContain("'https://static.hotjar.com/c/hotjar-','.js?sv='");

      // Each inline snippet runs because its hash is in script-src; nothing else inline would.
      const scriptSrc = directive(csp(res), 'script-src');
      const inline = [...head.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(inline).toHaveLength(2);
      for (const code of inline) {
        expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
      }
      expect(scriptSrc).not.toContain('unsafe-inline');
      expect(scriptSrc).toContain('https://*.clarity.ms');
      expect(scriptSrc).toContain('https://*.hotjar.com');
      expect(directive(csp(res), 'connect-src')).toBe(
        "connect-src 'self' https://*.clarity.ms https://c.bing.com https://*.hotjar.com https://*.hotjar.io wss://*.hotjar.com",
      );
      expect(directive(csp(res), 'img-src')).toContain('https://c.bing.com');
      expect(directive(csp(res), 'frame-src')).toBe("frame-src 'self' https://*.hotjar.com");
    }
  });

  it('refuse ids that are not the vendors’ formats (they end up inside a script)', () => {
    const bad = (env: Record<string, string>) => {
      try {
        loadConfig({ ...env, SANDBOX_ENABLED: 'false' });
        return null;
      } catch (err) {
        return err instanceof ConfigError ? err.issues.map((i) => i.variable) : err;
      }
    };
    expect(bad({ CLARITY_PROJECT_ID: 'abc"); alert(1); ("' })).toEqual(['CLARITY_PROJECT_ID']);
    expect(bad({ HOTJAR_SITE_ID: '12a' })).toEqual(['HOTJAR_SITE_ID']);
    expect(bad({ CLARITY_PROJECT_ID: CLARITY_ID, HOTJAR_SITE_ID: HOTJAR_ID })).toBeNull();
  });
});
