import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ViewportName } from './support/browser.js';
import { useAppAndBrowser } from './support/suite.js';
import { checkScreen } from './screenshots.js';

const SECTIONS = [
  { id: 'dashboard', path: '/app', en: 'Dashboard', ar: 'لوحة التحكم' },
  { id: 'campaigns', path: '/app/campaigns', en: 'Campaigns', ar: 'الحملات' },
  { id: 'analytics', path: '/app/analytics', en: 'Analytics', ar: 'التحليلات' },
  { id: 'automation', path: '/app/automation', en: 'Automation', ar: 'الأتمتة' },
  { id: 'settings', path: '/app/settings', en: 'Settings', ar: 'الإعدادات' },
  { id: 'system', path: '/app/system', en: 'System', ar: 'النظام' },
] as const;

const env = useAppAndBrowser();

const heading = (page: Page) => page.locator('main h1').first().textContent();
// Signed out, the settings page's reads answer 401 (and Chromium logs them): expected here.
const signedOutProblems = (problems: string[]) => problems.filter((p) => !/401/.test(p));
const current = (page: Page, id: string) => page.getByTestId(`nav-${id}`).getAttribute('aria-current');

async function expectHealthySystemPage(page: Page): Promise<void> {
  await page.getByTestId('system-status').waitFor({ state: 'visible', timeout: 15_000 });
  expect(await page.getByTestId('system-error').count()).toBe(0);
  expect(await page.getByTestId('system-loading').count()).toBe(0);
  expect(await page.getByTestId('status-mode').getAttribute('data-value')).toBe('embedded');
  expect(await page.getByTestId('status-database').getAttribute('data-ok')).toBe('true');
  expect(await page.getByTestId('status-queue').getAttribute('data-ok')).toBe('true');
  await page.getByTestId('queue-table').waitFor({ state: 'visible' });
  await page.getByTestId('queue-row-system.heartbeat').waitFor({ state: 'visible' });
  // The scheduler row says either when it last ran or that it has not yet (it fires once a minute).
  expect((await page.getByTestId('status-scheduler').textContent())?.trim()).toBeTruthy();
}

describe('app shell', () => {
  it('shows the nav and a "coming soon" dashboard at /app', async () => {
    const { page, problems } = await env.browser.open(`${env.app.url}/app?lng=en`);
    await page.getByTestId('coming-soon').waitFor({ state: 'visible' });
    for (const s of SECTIONS) expect(await page.getByTestId(`nav-${s.id}`).textContent()).toBe(s.en);
    expect(await current(page, 'dashboard')).toBe('page');
    expect(await heading(page)).toBe('Dashboard');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('navigates to every section from the nav without a full page load', async () => {
    const { page, problems } = await env.browser.open(`${env.app.url}/app?lng=en`);
    await page.getByTestId('coming-soon').waitFor({ state: 'visible' });
    // A marker on window survives client-side navigation but not a reload.
    await page.evaluate(() => Object.assign(window, { __e2eSamePage: true }));
    for (const s of [...SECTIONS.slice(1), SECTIONS[0]]) {
      await page.getByTestId(`nav-${s.id}`).click();
      await page.waitForURL(`${env.app.url}${s.path}`);
      await expect.poll(() => heading(page)).toBe(s.id === 'system' ? 'System status' : s.en);
      expect(await current(page, s.id)).toBe('page');
      if (s.id === 'system') await expectHealthySystemPage(page);
      // Settings are the signed-in user's: signed out, the page says to sign in.
      else if (s.id === 'settings') await page.getByTestId('settings-signed-out').waitFor({ state: 'visible' });
      else await page.getByTestId('coming-soon').waitFor({ state: 'visible' });
    }
    expect(await page.evaluate(() => '__e2eSamePage' in window)).toBe(true);
    expect(signedOutProblems(problems)).toEqual([]);
    await page.close();
  });

  it('reports the embedded database and job queue as healthy on /app/system', async () => {
    const { page, problems } = await env.browser.open(`${env.app.url}/app/system?lng=en`);
    await expectHealthySystemPage(page);
    expect(await page.getByTestId('status-mode').textContent()).toBe('Embedded (PGlite)');
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const lng of ['en', 'ar'] as const) {
    for (const viewport of ['desktop', 'mobile'] as const satisfies readonly ViewportName[]) {
      it(`screens: shell and system page, ${lng} ${viewport}`, async () => {
        const { page, problems } = await env.browser.open(`${env.app.url}/app?lng=${lng}`, viewport);
        const dir = lng === 'ar' ? 'rtl' : 'ltr';
        await page.getByTestId('coming-soon').waitFor({ state: 'visible' });
        expect(await page.getAttribute('html', 'lang')).toBe(lng);
        await checkScreen(page, `app-${lng}-${viewport}`, {
          dir,
          texts: lng === 'ar' ? ['لوحة التحكم', 'قريبًا', 'English'] : ['Dashboard', 'Coming soon', 'العربية'],
        });

        await page.goto(`${env.app.url}/app/system`, { waitUntil: 'domcontentloaded' });
        await expectHealthySystemPage(page);
        await checkScreen(page, `system-${lng}-${viewport}`, {
          dir,
          texts: lng === 'ar' ? ['النظام', 'system.heartbeat'] : ['System status', 'Embedded (PGlite)', 'Healthy', 'system.heartbeat'],
        });
        expect(problems).toEqual([]);
        await page.close();
      });
    }
  }

  it('serves a deep link such as /app/settings directly (SPA fallback)', async () => {
    const res = await fetch(`${env.app.url}/app/settings`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');

    const { page, problems } = await env.browser.open(`${env.app.url}/app/settings?lng=en`);
    await expect.poll(() => heading(page)).toBe('Settings');
    expect(await current(page, 'settings')).toBe('page');
    await page.getByTestId('settings-signed-out').waitFor({ state: 'visible' });
    expect(await page.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login');
    expect(signedOutProblems(problems)).toEqual([]);
    await page.close();
  });

  it('shows not-found for unknown routes, inside the shell under /app', async () => {
    const { page, problems } = await env.browser.open(`${env.app.url}/app/no-such-page?lng=en`);
    await page.getByTestId('not-found').waitFor({ state: 'visible' });
    await page.getByTestId('nav-dashboard').waitFor({ state: 'visible' });
    expect(await heading(page)).toBe('Page not found');

    await page.goto(`${env.app.url}/no-such-page`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('not-found').waitFor({ state: 'visible' });
    expect(await page.getByTestId('nav-dashboard').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers unknown API paths with a JSON 404, not the app', async () => {
    const res = await fetch(`${env.app.url}/api/v1/no-such-thing`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
