import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPglite } from '../src/db/pglite.js';
import { leads, userIdentities, users } from '../src/db/schema/index.js';
import { freePort, spawnStratum, waitForReady, type Spawned } from '../test/support/process.js';
import { launchBrowser, type Browser } from './support/browser.js';
import { checkScreen } from './screenshots.js';

/**
 * "Continue with Google" as a person lives it, against the sandbox's Google: the ad click's
 * landing URL, the signup form's button, the sandbox's sign-in page, and the signed-in
 * arrival at onboarding; then, with the app stopped, its database must hold a lead that
 * kept the click (gclid) through the round trip. The app runs on a data folder this file
 * keeps until it has read it (the shared helper deletes it on stop).
 */
const landing = '/?utm_source=google&utm_medium=cpc&gclid=TeSt123';

let proc: Spawned;
let dataDir: string;
let browser: Browser | undefined;
// The app's PUBLIC_URL (localhost): the provider sends the browser back there, and the
// round trip's cookie must belong to the same host the visit started on.
let appUrl: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stratum-e2e-sso-'));
  const [port, sandboxPort] = [await freePort(), await freePort()];
  proc = spawnStratum('all', {
    HOST: '127.0.0.1',
    PORT: String(port),
    SANDBOX_HOST: '127.0.0.1',
    SANDBOX_PORT: String(sandboxPort),
    DATA_DIR: dataDir,
    WEB_DIST_DIR: inject('webDistDir'),
  });
  appUrl = `http://localhost:${port}`;
  await waitForReady(`http://127.0.0.1:${port}`, proc, 90_000);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await proc?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('Continue with Google', () => {
  it('the sign-in page offers the providers and says, in Arabic, why an attempt came back', async () => {
    const { page, problems } = await browser!.open(`${appUrl}/login?sso_error=cancelled&sso_provider=google&lng=ar`);
    await page.getByTestId('sso-google').waitFor({ state: 'visible' });
    await page.getByTestId('sso-apple').waitFor({ state: 'visible' });
    expect(await page.getByTestId('sso-error').textContent()).toContain('ألغيت تسجيل الدخول عبر Google');
    await checkScreen(page, 'sso-0-login-ar', { texts: ['ألغيت تسجيل الدخول عبر Google'], dir: 'rtl' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('from the ad click, through the sandbox\'s Google, to a signed-in user at onboarding', async () => {
    const { page, problems } = await browser!.open(`${appUrl}${landing}&lng=en`);
    await page.getByTestId('hero-title').waitFor({ state: 'visible' });
    const cookies = Object.fromEntries((await browser!.context.cookies(appUrl)).map((c) => [c.name, c.value]));
    expect(cookies._gcl_aw).toMatch(/^GCL\.\d+\.TeSt123$/);

    await page.getByTestId('cta-start-trial').first().click();
    await page.getByTestId('signup-dialog').waitFor({ state: 'visible' });
    await page.getByTestId('signup-company').fill('Midas Furniture');
    await page.getByTestId('sso-google').click();

    // The sandbox's Google sign-in page.
    await page.waitForURL(/\/google\/accounts\/o\/oauth2\/v2\/auth\?/);
    await checkScreen(page, 'sso-1-sandbox-google', { texts: ['Sign in with Google (sandbox)'], dir: 'ltr' });
    await page.getByTestId('sandbox-pick').first().click();

    await page.waitForURL(/\/onboarding$/);
    await page.getByTestId('onboarding-welcome').waitFor({ state: 'visible' });
    expect(await page.getByTestId('onboarding-welcome').textContent()).toContain('Sara');
    await checkScreen(page, 'sso-2-onboarding', { texts: ['Sara'], dir: 'ltr' });

    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(me.user).toMatchObject({ email: 'sara@midasfurniture.com', status: 'verified', role: 'owner', workspace: { name: 'Midas Furniture' } });
    expect(problems).toEqual([]);
  });

  it('kept the click in the lead: gclid, utm tags and the Google platform', async () => {
    // The database is the app's while it runs; stopped cleanly, it can be read. The browser
    // goes first: its open connections would hold the shutdown.
    await browser?.close();
    browser = undefined;
    expect(await proc.stop(), proc.output().slice(-3000)).toBe(0);
    const db = await openPglite({ dataDir });
    try {
      const [user] = await db.db.select().from(users).where(eq(users.email, 'sara@midasfurniture.com'));
      expect(user).toMatchObject({ status: 'verified', passwordHash: null });
      const [lead] = await db.db.select().from(leads).where(eq(leads.userId, user!.id));
      expect(lead).toMatchObject({ gclid: 'TeSt123', utmSource: 'google', utmMedium: 'cpc', platform: 'google', platformVia: 'click_id', companyName: 'Midas Furniture' });
      const [identity] = await db.db.select().from(userIdentities).where(eq(userIdentities.userId, user!.id));
      expect(identity).toMatchObject({ provider: 'google', email: 'sara@midasfurniture.com' });
    } finally {
      await db.close();
    }
  });
});
