import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 375, height: 740 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export interface OpenedPage {
  page: Page;
  /** Console errors, uncaught page errors and failed requests seen on this page so far. */
  problems: string[];
}

export interface Browser {
  context: BrowserContext;
  /** A new tab at `url`, sized for `viewport`, once its DOM is loaded. */
  open(url: string, viewport?: ViewportName): Promise<OpenedPage>;
  close(): Promise<void>;
}

/** `javaScriptEnabled: false` opens pages as a browser with scripting turned off would. */
export async function launchBrowser(opts: { javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  // A throwaway profile: no language, storage or cache carried over from an earlier run.
  const profileDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stratum-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: VIEWPORTS.desktop,
    // The app falls back to the browser's language; pin it so the machine's locale cannot
    // decide whether a test starts in English.
    locale: 'en-US',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
  // The persistent context opens with one blank tab; tests open their own.
  await Promise.all(context.pages().map((p) => p.close()));

  return {
    context,
    async open(url, viewport = 'desktop') {
      const page = await context.newPage();
      await page.setViewportSize(VIEWPORTS[viewport]);
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
      page.on('requestfailed', (req) => {
        // Navigating away cancels in-flight requests; that is not the app failing.
        if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400) problems.push(`http ${res.status()}: ${res.url()}`);
      });
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return { page, problems };
    },
    async close() {
      await context.close();
      await fs.rm(profileDir, { recursive: true, force: true });
    },
  };
}
