import { waitForLink } from '../test/support/mailbox.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';
import { checkScreen } from './screenshots.js';

/**
 * Stages 1–5 as a person lives them: the ad click's landing URL, the platform cookies, the
 * signup form, the success screen, the verification email in the dev mailbox, and the
 * signed-in arrival at onboarding, the five wizard steps, and the connect page. Once in
 * English and once in Arabic.
 */
const landing = '/?utm_source=facebook&utm_medium=cpc&utm_campaign=automation_launch&utm_content=video_ad_v2&fbclid=IwAR3test';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ webDistDir: inject('webDistDir') });
});
afterAll(async () => {
  expect(await app?.stop()).toBe(0);
});

const runs = [
  { lang: 'en', dir: 'ltr', email: 'ahmed@midasfurniture.com', name: 'Ahmed Al-Hassan', success: 'Account Created!', welcome: 'Ahmed' },
  { lang: 'ar', dir: 'rtl', email: 'fatimah@midasfurniture.sa', name: 'فاطمة الزهراني', success: 'تم إنشاء الحساب', welcome: 'فاطمة' },
] as const;

describe.each(runs)('the journey in $lang', (run) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('from the ad click to a verified, signed-in user at onboarding', async () => {
    const { page, problems } = await browser.open(`${app.url}${landing}&lng=${run.lang}`);
    await page.getByTestId('hero-title').waitFor({ state: 'visible' });
    expect(await page.getAttribute('html', 'dir')).toBe(run.dir);

    // The click's first-party cookies, in Meta's documented formats.
    const cookies = Object.fromEntries((await browser.context.cookies(app.url)).map((c) => [c.name, c.value]));
    expect(cookies._fbc).toMatch(/^fb\.1\.\d{13}\.IwAR3test$/);
    expect(cookies._fbp).toMatch(/^fb\.1\.\d{13}\.\d+$/);
    expect(cookies.stratum_vid).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    await checkScreen(page, `journey-${run.lang}-1-landing`, { texts: [], dir: run.dir });

    // Stage 3: the signup form.
    await page.getByTestId('cta-start-trial').first().click();
    await page.getByTestId('signup-dialog').waitFor({ state: 'visible' });
    await page.getByTestId('signup-full-name').fill(run.name);
    await page.getByTestId('signup-email').fill(run.email);
    await page.getByTestId('signup-company').fill('Midas Furniture');
    await page.getByTestId('signup-phone').fill('050 123 4567');
    await page.getByTestId('signup-password').fill('correct horse battery');
    await checkScreen(page, `journey-${run.lang}-2-signup`, { texts: [], dir: run.dir });
    // People take a few seconds; the form refuses what is submitted faster (bots).
    await page.waitForTimeout(2600);
    await page.getByTestId('signup-submit').click();

    // Stage 4: the success screen, then the link from the dev mailbox.
    await page.getByTestId('signup-success').waitFor({ state: 'visible', timeout: 15_000 });
    await checkScreen(page, `journey-${run.lang}-3-success`, { texts: [run.success, run.email], dir: run.dir });

    const link: string | undefined = await waitForLink(async (p) => (await fetch(`${app.url}${p}`)).json(), run.email, '/api/v1/auth/verify?token=');
    expect(link, 'a verification link in the dev mailbox').toBeTruthy();

    // Stage 4→5: the link verifies, signs in, and lands on onboarding.
    const target = new URL(link!);
    await page.goto(`${app.url}${target.pathname}${target.search}`);
    await page.waitForURL(/\/onboarding$/);
    await page.getByTestId('onboarding-welcome').waitFor({ state: 'visible' });
    expect(await page.getByTestId('onboarding-welcome').textContent()).toContain(run.welcome);
    await checkScreen(page, `journey-${run.lang}-4-onboarding`, { texts: [run.welcome], dir: run.dir });

    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(me.user).toMatchObject({ email: run.email, status: 'verified', role: 'owner', workspace: { name: 'Midas Furniture', currency: 'SAR' } });

    // Stage 5: the five steps, each saved as it goes, ending at the connect page.
    await page.getByTestId('onboarding-continue').click();
    await page.getByTestId('onboarding-step-2').waitFor({ state: 'visible' });
    await page.getByTestId('industry-ecommerce').click();
    await page.getByTestId('spend-5k_50k').click();
    await page.getByTestId('team-2_5').click();
    await page.getByTestId('primary-market').selectOption('SA');
    await checkScreen(page, `journey-${run.lang}-5-business`, { texts: [], dir: run.dir });
    await page.getByTestId('onboarding-continue').click();

    await page.getByTestId('onboarding-step-3').waitFor({ state: 'visible' });
    await page.getByTestId('platform-meta').click();
    await page.getByTestId('platform-google').click();
    await checkScreen(page, `journey-${run.lang}-6-platforms`, { texts: [], dir: run.dir });
    await page.getByTestId('onboarding-continue').click();

    await page.getByTestId('onboarding-step-4').waitFor({ state: 'visible' });
    // Saudi Arabia suggests SAR and Asia/Riyadh.
    expect(await page.getByTestId('currency').inputValue()).toBe('SAR');
    expect(await page.getByTestId('timezone').inputValue()).toBe('Asia/Riyadh');
    await page.getByTestId('kpi-ROAS').click();
    await checkScreen(page, `journey-${run.lang}-7-goals`, { texts: [], dir: run.dir });
    await page.getByTestId('onboarding-continue').click();

    await page.getByTestId('onboarding-step-5').waitFor({ state: 'visible' });
    await checkScreen(page, `journey-${run.lang}-8-automation`, { texts: ['70'], dir: run.dir });
    await page.getByTestId('onboarding-continue').click();

    await page.waitForURL(/\/connect$/);
    await page.getByTestId('connect-page').waitFor({ state: 'visible' });
    expect(await page.getByTestId('connect-platform-meta').getAttribute('data-chosen')).toBe('true');
    expect(await page.getByTestId('connect-platform-tiktok').getAttribute('data-chosen')).not.toBe('true');
    await checkScreen(page, `journey-${run.lang}-9-connect`, { texts: [], dir: run.dir });

    const state = await page.evaluate(async () => (await fetch('/api/v1/onboarding')).json());
    expect(state).toMatchObject({
      completed: true,
      answers: {
        business: { industry: 'ecommerce', monthly_ad_spend: '5k_50k', team_size: '2_5', primary_market: 'SA' },
        platforms: { platforms: ['meta', 'google'] },
        goals: { primary_kpi: 'ROAS', currency: 'SAR', timezone: 'Asia/Riyadh' },
        automation: { level: 'assisted', trust_threshold: 70 },
      },
    });
    expect(problems).toEqual([]);
  });
});
