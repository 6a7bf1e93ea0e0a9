import { completeOnboardingViaApi, signUpVerified } from './support/accounts.js';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ViewportName } from './support/browser.js';
import { useAppAndBrowser } from './support/suite.js';
import { checkScreen } from './screenshots.js';

/**
 * Stage 5's "the same settings are editable later under Settings": a user who finished the
 * wizard changes the goals and the trust gate at /app/settings, and they stick (and the
 * workspace's currency follows the goals).
 */
const env = useAppAndBrowser();

const answers = {
  2: { industry: 'ecommerce', monthly_ad_spend: '5k_50k', team_size: '2_5', primary_market: 'SA' },
  3: { platforms: ['meta', 'google', 'snapchat'] },
  4: { primary_kpi: 'ROAS', target_value: 3.5, currency: 'SAR', timezone: 'Asia/Riyadh' },
  5: { level: 'assisted', trust_threshold: 70 },
};

const signUp = (email: string, fullName: string) => signUpVerified(env.app.url, email, fullName);
const completeOnboarding = (session: string) => completeOnboardingViaApi(env.app.url, session, answers);

async function signIn(session: string): Promise<void> {
  await env.browser.context.clearCookies();
  await env.browser.context.addCookies([{ name: 'stratum_session', value: session, url: env.app.url, httpOnly: true, sameSite: 'Lax' }]);
}

async function openSettings(lng: 'en' | 'ar', viewport: ViewportName = 'desktop') {
  const opened = await env.browser.open(`${env.app.url}/app/settings?lng=${lng}`, viewport);
  await opened.page.getByTestId('settings-preferences').waitFor({ state: 'visible', timeout: 15_000 });
  return opened;
}

const workspace = (page: Page) =>
  page.evaluate(async () => ((await (await fetch('/api/v1/auth/me')).json()) as { user: { workspace: { currency: string; timezone: string } } }).user.workspace);

describe('settings', () => {
  let owner: string;

  it('loads the saved answers into the wizard\'s forms; new goals and trust threshold survive a reload', async () => {
    owner = await signUp('noura@midasfurniture.com', 'Noura Al-Dosari');
    await completeOnboarding(owner);
    await signIn(owner);
    const { page, problems } = await openSettings('en');
    expect(await page.locator('main h1').textContent()).toBe('Settings');
    expect(await page.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');

    // The same step components, filled with what the wizard saved.
    expect(await page.getByTestId('industry-ecommerce').isChecked()).toBe(true);
    expect(await page.getByTestId('platform-snapchat').isChecked()).toBe(true);
    expect(await page.getByTestId('platform-tiktok').isChecked()).toBe(false);
    expect(await page.getByTestId('kpi-ROAS').isChecked()).toBe(true);
    expect(await page.getByTestId('target-value').inputValue()).toBe('3.5');
    expect(await page.getByTestId('currency').inputValue()).toBe('SAR');
    expect(await page.getByTestId('trust-threshold').inputValue()).toBe('70');

    // The KPI target: the wizard's checks first (nothing is sent), then a good value.
    await page.getByTestId('target-value').fill('0');
    await page.getByTestId('settings-goals-save').click();
    await page.getByTestId('target-value-error').waitFor({ state: 'visible' });
    expect(await page.getByTestId('settings-goals-status').getAttribute('data-status')).toBe('invalid');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('target-value');
    await page.getByTestId('target-value').fill('4.5');
    expect(await page.getByTestId('target-value-error').count()).toBe(0);
    await page.getByTestId('settings-goals-unsaved').waitFor({ state: 'visible' });
    await page.getByTestId('settings-goals-save').click();
    await expect.poll(() => page.getByTestId('settings-goals-status').getAttribute('data-status')).toBe('saved');
    expect(await page.getByTestId('settings-goals-status').textContent()).toContain('Saved.');

    // The trust threshold: the slider moves in steps of 5 (70 → 85), saved on its own.
    await page.getByTestId('trust-threshold').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('trust-threshold-value').textContent()).toBe('85%');
    await page.getByTestId('settings-automation-save').click();
    await expect.poll(() => page.getByTestId('settings-automation-status').getAttribute('data-status')).toBe('saved');
    expect(await page.getByTestId('settings-automation-status').textContent()).toBe('Saved.');

    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByTestId('settings-preferences').waitFor({ state: 'visible' });
    expect(await page.getByTestId('target-value').inputValue()).toBe('4.5');
    expect(await page.getByTestId('trust-threshold').inputValue()).toBe('85');
    expect(await page.getByTestId('trust-threshold-value').textContent()).toBe('85%');
    // Each section saved only itself: the other answers are as the wizard left them.
    expect(await page.getByTestId('level-assisted').isChecked()).toBe(true);
    expect(await page.getByTestId('platform-snapchat').isChecked()).toBe(true);
    expect(await page.getByTestId('settings-goals-unsaved').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('moves the workspace\'s currency and time zone when the goals change', async () => {
    await signIn(owner);
    const { page, problems } = await openSettings('en');
    expect(await workspace(page)).toEqual(expect.objectContaining({ currency: 'SAR', timezone: 'Asia/Riyadh' }));
    await page.getByTestId('currency').selectOption('USD');
    await page.getByTestId('timezone').selectOption('Europe/London');
    // The target's unit follows the currency for amounts (CPA), not for ROAS (×).
    await page.getByTestId('kpi-CPA').check();
    expect(await page.getByTestId('target-unit').textContent()).toBe('USD');
    await page.getByTestId('settings-goals-save').click();
    await expect.poll(() => page.getByTestId('settings-goals-status').getAttribute('data-status')).toBe('saved');
    const status = await page.getByTestId('settings-goals-status').textContent();
    expect(status).toContain('USD');
    expect(status).toContain('Europe/London');
    expect(await workspace(page)).toEqual(expect.objectContaining({ currency: 'USD', timezone: 'Europe/London' }));
    // Full-page captures of a scrolled page paint the sticky header mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkScreen(page, 'settings-en-desktop-goals-saved', { dir: 'ltr', texts: ['Saved. The workspace now reports in'] });

    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByTestId('settings-preferences').waitFor({ state: 'visible' });
    expect(await page.getByTestId('currency').inputValue()).toBe('USD');
    expect(await page.getByTestId('timezone').inputValue()).toBe('Europe/London');
    expect(await page.getByTestId('kpi-CPA').isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a viewer the settings read-only', async () => {
    await signIn(owner);
    const page = await env.browser.context.newPage();
    // No route makes a viewer yet; the page takes the role from /auth/me, so the test says "viewer" there.
    await page.route('**/api/v1/auth/me', async (route) => {
      const me = (await (await route.fetch()).json()) as { user: Record<string, unknown> };
      await route.fulfill({ json: { user: { ...me.user, role: 'viewer' } } });
    });
    await page.goto(`${env.app.url}/app/settings?lng=en`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('settings-view-only').waitFor({ state: 'visible', timeout: 15_000 });
    for (const id of ['industry-agency', 'primary-market', 'platform-tiktok', 'kpi-ROAS', 'target-value', 'currency', 'timezone', 'level-manual', 'trust-threshold']) {
      expect(await page.getByTestId(id).isDisabled(), id).toBe(true);
    }
    for (const section of ['business', 'platforms', 'goals', 'automation']) {
      expect(await page.getByTestId(`settings-${section}-save`).isDisabled(), section).toBe(true);
    }
    // The saved values are still shown.
    expect(await page.getByTestId('currency').inputValue()).toBe('USD');
    await page.close();
  });

  it('points a user who has not finished setup to the wizard', async () => {
    const fresh = await signUp('omar@midasfurniture.com', 'Omar Al-Ghamdi');
    await signIn(fresh);
    const { page, problems } = await env.browser.open(`${env.app.url}/app/settings?lng=en`);
    await page.getByTestId('settings-incomplete').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.getByTestId('settings-preferences').count()).toBe(0);
    await page.getByRole('link', { name: 'Continue setup' }).click();
    await page.waitForURL(/\/onboarding$/);
    await page.getByTestId('onboarding-welcome').waitFor({ state: 'visible' });
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const lng of ['en', 'ar'] as const) {
    for (const viewport of ['desktop', 'mobile'] as const satisfies readonly ViewportName[]) {
      it(`screens: settings, ${lng} ${viewport}`, async () => {
        await signIn(owner);
        const { page, problems } = await openSettings(lng, viewport);
        expect(await page.getAttribute('html', 'lang')).toBe(lng);
        await checkScreen(page, `settings-${lng}-${viewport}`, {
          dir: lng === 'ar' ? 'rtl' : 'ltr',
          texts:
            lng === 'ar'
              ? ['الإعدادات', 'التفضيلات', 'ملف النشاط التجاري', 'المنصات الإعلانية', 'الأهداف', 'الأتمتة وبوابة الثقة', 'حفظ']
              : ['Settings', 'Preferences', 'Business profile', 'Ad platforms', 'Goals', 'Automation & trust gate', 'Save'],
        });
        expect(problems).toEqual([]);
        await page.close();
      });
    }
  }
});
