import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchBrowser, type Browser } from './browser.js';
import { startApp, type RunningApp } from './server.js';

/**
 * One product process and one browser for a test file: started before its tests, stopped
 * after them, and the stop must be clean (exit code 0). Read the fields inside tests.
 */
export function useAppAndBrowser(): { readonly app: RunningApp; readonly browser: Browser } {
  const env = {} as { app: RunningApp; browser: Browser };
  beforeAll(async () => {
    env.app = await startApp({ webDistDir: inject('webDistDir') });
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    expect(await env.app?.stop()).toBe(0);
  });
  return env;
}
