import { waitForLink } from '../test/support/mailbox.js';
import { describe, expect, it } from 'vitest';
import { useAppAndBrowser } from './support/suite.js';
import { checkScreen } from './screenshots.js';

const env = useAppAndBrowser();

const linkFor = (to: string, part: string) => waitForLink(async (p) => (await fetch(`${env.app.url}${p}`)).json(), to, part);

describe('forgotten password', () => {
  it('asks for a link, follows it from the mailbox, sets a new password and lands signed in', async () => {
    const email = 'khalid@midasfurniture.com';
    const signup = await fetch(`${env.app.url}/api/v1/landing-cms/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, full_name: 'Khalid Al-Harbi', company_name: 'Midas Furniture', password: 'first password 123', language: 'en' }),
    });
    expect(signup.status).toBe(201);
    const verify = new URL(await linkFor(email, '/auth/verify'));
    expect((await fetch(`${env.app.url}${verify.pathname}${verify.search}`, { redirect: 'manual' })).status).toBe(302);

    const { page, problems } = await env.browser.open(`${env.app.url}/login`);
    await page.getByTestId('login-forgot').click();
    await page.getByTestId('forgot-password').waitFor({ state: 'visible' });
    await page.getByTestId('forgot-email').fill(email);
    await page.getByTestId('forgot-submit').click();
    await page.getByTestId('forgot-sent').waitFor({ state: 'visible' });
    await checkScreen(page, 'forgot-password-sent-en', { texts: ['If an account uses this address'], dir: 'ltr' });

    const reset = new URL(await linkFor(email, '/reset-password?token='));
    await page.goto(`${env.app.url}${reset.pathname}${reset.search}`);
    await page.getByTestId('reset-password-input').fill('second password 456');
    await checkScreen(page, 'reset-password-en', { texts: ['Choose a new password'], dir: 'ltr' });
    await page.getByTestId('reset-submit').click();
    await page.waitForURL(/\/onboarding$/);
    await page.getByTestId('onboarding-welcome').waitFor({ state: 'visible' });

    // The link works once.
    await page.goto(`${env.app.url}${reset.pathname}${reset.search}`);
    await page.getByTestId('reset-password-input').fill('third password 789');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-error').waitFor({ state: 'visible' });
    expect(await page.getByTestId('reset-error').getAttribute('data-problem')).toBe('used');
    // The only error is the refused second use (Chromium logs the 400 it was meant to get).
    expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
    expect(problems.some((p) => p.includes('/api/v1/auth/password-reset/confirm'))).toBe(true);
  });
});
