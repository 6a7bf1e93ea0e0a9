import { completeOnboardingViaApi, signUpVerified } from './support/accounts.js';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ViewportName } from './support/browser.js';
import { useAppAndBrowser } from './support/suite.js';
import { checkScreen } from './screenshots.js';

/**
 * Stage 6 as a person lives it: the platform cards, "Connect Meta" to the sandbox's consent
 * screen and back, the account selection, the first sync to 100%, the same for Google, and
 * the dashboard; a cancelled consent shows its message and "Try again". In English and Arabic.
 */
const env = useAppAndBrowser();

const answers = {
  2: { industry: 'ecommerce', monthly_ad_spend: '5k_50k', team_size: '2_5', primary_market: 'SA' },
  3: { platforms: ['meta', 'google'] },
  4: { primary_kpi: 'ROAS', target_value: 3, currency: 'SAR', timezone: 'Asia/Riyadh' },
  5: { level: 'assisted', trust_threshold: 70 },
};

const signUp = (email: string, fullName: string, language: 'en' | 'ar') => signUpVerified(env.app.url, email, fullName, language);
const completeOnboarding = (session: string) => completeOnboardingViaApi(env.app.url, session, answers);

/**
 * The app as its public URL names it (`localhost`, not the `127.0.0.1` it listens on): the
 * platform returns the browser to that host, and the session cookie must be there.
 */
const publicUrl = () => env.app.url.replace('//127.0.0.1:', '//localhost:');
const sandboxPort = () => new URL(env.app.sandboxUrl).port;

async function signIn(session: string): Promise<void> {
  await env.browser.context.clearCookies();
  await env.browser.context.addCookies([{ name: 'stratum_session', value: session, url: publicUrl(), httpOnly: true, sameSite: 'Lax' }]);
}

async function openConnect(lng: 'en' | 'ar', viewport: ViewportName = 'desktop') {
  const opened = await env.browser.open(`${publicUrl()}/connect?lng=${lng}`, viewport);
  await opened.page.getByTestId('connect-platform-meta').waitFor({ state: 'visible', timeout: 15_000 });
  return opened;
}

/** On the sandbox's consent screen: its person, then Continue (allow) or Cancel (deny). */
async function decideOnConsent(page: Page, decision: 'allow' | 'deny'): Promise<void> {
  await page.waitForURL((url) => url.port === sandboxPort(), { timeout: 15_000 });
  await page.getByText('Continue as', { exact: false }).first().waitFor({ state: 'visible' });
  await page.locator(`button[name="decision"][value="${decision}"]`).click();
}

/** "Connect <platform>" → consent → the selection step back on /connect: the listed account ids. */
async function connectThroughConsent(page: Page, platform: 'meta' | 'google'): Promise<string[]> {
  await page.getByTestId(`connect-button-${platform}`).click();
  await decideOnConsent(page, 'allow');
  // Meta appends `#_=_` to its redirect (a documented quirk); the page drops it.
  await page.waitForURL(new RegExp(`/connect\\?select=${platform}(#.*)?$`), { timeout: 20_000 });
  await page.getByTestId('connect-select-submit').waitFor({ state: 'visible', timeout: 15_000 });
  const boxes = page.locator('input[name="account_ids"]');
  const ids = await boxes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(ids.length, `${platform} accounts listed`).toBeGreaterThan(0);
  // Every account starts ticked.
  expect(await boxes.evaluateAll((inputs) => inputs.every((i) => (i as HTMLInputElement).checked))).toBe(true);
  return ids;
}

/** "Connect selected accounts" → the progress view, followed until the sync is done. */
async function syncToTheEnd(page: Page, platform: 'meta' | 'google'): Promise<void> {
  await page.getByTestId('connect-select-submit').click();
  await page.waitForURL(new RegExp(`/connect\\?sync=${platform}$`));
  const progress = page.getByTestId('connect-progress');
  await progress.waitFor({ state: 'visible' });
  await expect.poll(() => progress.getAttribute('data-phase'), { timeout: 120_000, interval: 500 }).toBe('done');
  expect(await page.getByTestId('connect-progress-bar').getAttribute('aria-valuenow')).toBe('100');
  for (const step of ['connected', 'accounts', 'campaigns', 'metrics']) {
    expect(await page.getByTestId(`connect-step-${step}`).getAttribute('data-status'), step).toBe('done');
  }
}

const runs = [
  {
    lang: 'en',
    dir: 'ltr',
    email: 'ahmed.connect@midasfurniture.com',
    name: 'Ahmed Al-Hassan',
    texts: {
      cards: ['Connect your ad accounts', 'Not connected', 'Permissions needed', 'ads_management', 'Sandbox'],
      denied: ['Nothing was connected', 'You cancelled on Meta'],
      select: ['Select ad accounts to connect', 'Monthly spend'],
      done: ['All set', 'Connected to Meta', '100%'],
      connected: 'Connected',
    },
  },
  {
    lang: 'ar',
    dir: 'rtl',
    email: 'fatimah.connect@midasfurniture.sa',
    name: 'فاطمة الزهراني',
    texts: {
      cards: ['اربط حساباتك الإعلانية', 'غير مربوطة', 'الأذونات المطلوبة', 'ads_management', 'بيئة تجريبية'],
      denied: ['لم يُربط أي شيء', 'ألغيت العملية في ميتا'],
      select: ['اختر الحسابات الإعلانية التي تريد ربطها', 'الإنفاق الشهري'],
      done: ['اكتمل كل شيء', 'تم الربط مع ميتا'],
      connected: 'مربوطة',
    },
  },
] as const;

describe.each(runs)('connecting ad accounts in $lang', (run) => {
  it('cancels once, then connects Meta and Google through the sandbox, syncs them to 100% and reaches the dashboard', { timeout: 300_000 }, async () => {
    const session = await signUp(run.email, run.name, run.lang);
    await completeOnboarding(session);
    await signIn(session);
    const { page, problems } = await openConnect(run.lang);
    expect(await page.getAttribute('html', 'dir')).toBe(run.dir);

    // The cards: the chosen platforms marked, each with its status, permissions and the sandbox badge.
    expect(await page.getByTestId('connect-platform-meta').getAttribute('data-chosen')).toBe('true');
    expect(await page.getByTestId('connect-platform-google').getAttribute('data-chosen')).toBe('true');
    expect(await page.getByTestId('connect-platform-tiktok').getAttribute('data-chosen')).not.toBe('true');
    expect(await page.getByTestId('connect-platform-meta').getAttribute('data-state')).toBe('not_connected');
    await page.getByTestId('connect-sandbox-meta').waitFor({ state: 'visible' });
    expect(await page.getByTestId('connect-permissions-meta').textContent()).toContain('business_management');
    await checkScreen(page, `connect-${run.lang}-1-cards`, { texts: run.texts.cards, dir: run.dir });

    // Cancel on the platform: the message, and "Try again" leads back to the consent screen.
    await page.getByTestId('connect-button-meta').click();
    await decideOnConsent(page, 'deny');
    await page.waitForURL(/\/connect\?platform=meta&error=denied(#.*)?$/, { timeout: 20_000 });
    await page.getByTestId('connect-error').waitFor({ state: 'visible' });
    expect(await page.getByTestId('connect-error').getAttribute('data-problem')).toBe('denied');
    // The message has the focus, so a screen reader starts there.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('connect-error');
    await checkScreen(page, `connect-${run.lang}-2-denied`, { texts: run.texts.denied, dir: run.dir });
    expect(await page.getByTestId('connect-platform-meta').getAttribute('data-state')).toBe('not_connected');

    // Meta: Continue, choose (untick nothing), sync.
    await page.getByTestId('connect-try-again').click();
    await decideOnConsent(page, 'allow');
    await page.waitForURL(/\/connect\?select=meta(#.*)?$/, { timeout: 20_000 });
    await page.getByTestId('connect-select-submit').waitFor({ state: 'visible', timeout: 15_000 });
    const metaIds = await page.locator('input[name="account_ids"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(metaIds.length).toBeGreaterThan(0);
    expect(await page.getByTestId('connect-select-count').textContent()).toContain(String(metaIds.length));
    await checkScreen(page, `connect-${run.lang}-3-select`, { texts: run.texts.select, dir: run.dir });
    // Nothing ticked, nothing to send: the button waits.
    for (const id of metaIds) await page.getByTestId(`connect-account-${id}`).uncheck();
    expect(await page.getByTestId('connect-select-submit').isDisabled()).toBe(true);
    for (const id of metaIds) await page.getByTestId(`connect-account-${id}`).check();
    await syncToTheEnd(page, 'meta');
    await checkScreen(page, `connect-${run.lang}-4-synced`, { texts: run.texts.done, dir: run.dir });

    // Back to the cards: Meta connected with its accounts; then Google the same way.
    await page.getByTestId('connect-another').click();
    await page.getByTestId('connect-platform-meta').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('connect-platform-meta').getAttribute('data-state')).toBe('connected');
    expect(await page.getByTestId('connect-status-meta').textContent()).toContain(run.texts.connected);
    expect(await page.getByTestId('connect-accounts-meta').locator('li').count()).toBe(metaIds.length);
    await page.getByTestId('connect-sync-meta').waitFor({ state: 'visible' });
    await page.getByTestId('connect-disconnect-meta').waitFor({ state: 'visible' });
    await checkScreen(page, `connect-${run.lang}-5-connected`, { texts: [run.texts.connected], dir: run.dir });

    await connectThroughConsent(page, 'google');
    await syncToTheEnd(page, 'google');

    const status = await page.evaluate(async () => (await fetch('/api/v1/connections')).json());
    const states = Object.fromEntries((status as { platforms: Array<{ platform: string; state: string }> }).platforms.map((p) => [p.platform, p.state]));
    expect(states).toMatchObject({ meta: 'connected', google: 'connected' });

    await page.getByTestId('connect-go-dashboard').click();
    await page.waitForURL(/\/app$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('connecting on a phone', () => {
  it('shows the cards in one column, in Arabic, without sideways scrolling', { timeout: 60_000 }, async () => {
    const session = await signUp('noura.connect@midasfurniture.com', 'Noura Al-Dosari', 'ar');
    await completeOnboarding(session);
    await signIn(session);
    const { page, problems } = await openConnect('ar', 'mobile');
    await checkScreen(page, 'connect-ar-mobile-cards', { texts: ['اربط حساباتك الإعلانية', 'غير مربوطة'], dir: 'rtl' });

    // An ordinary link to the start address: it works from the keyboard and without scripts.
    const href = await page.getByTestId('connect-button-meta').getAttribute('href');
    expect(href).toBe('/api/v1/oauth/meta/start');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the disconnect question', () => {
  it('asks before deleting, keeps the connection on "Keep connected", removes it on "Yes"', { timeout: 180_000 }, async () => {
    const session = await signUp('salem.connect@midasfurniture.com', 'Salem Al-Qahtani', 'en');
    await completeOnboarding(session);
    await signIn(session);
    const { page, problems } = await openConnect('en');
    await connectThroughConsent(page, 'meta');
    await syncToTheEnd(page, 'meta');
    await page.getByTestId('connect-another').click();
    await page.getByTestId('connect-disconnect-meta').click();
    // The safe answer has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('connect-disconnect-no-meta');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('connect-disconnect-meta');
    expect(await page.getByTestId('connect-platform-meta').getAttribute('data-state')).toBe('connected');

    await page.getByTestId('connect-disconnect-meta').click();
    await page.getByTestId('connect-disconnect-yes-meta').click();
    await expect.poll(() => page.getByTestId('connect-platform-meta').getAttribute('data-state')).toBe('not_connected');
    expect(await page.getByTestId('connect-note-meta').textContent()).toContain('Meta is disconnected.');
    // "Connect Meta" takes the focus from the buttons that went away.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('connect-button-meta');
    expect(problems).toEqual([]);
    await page.close();
  });
});
