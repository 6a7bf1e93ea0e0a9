import { expect } from 'vitest';
import { waitForLink } from '../../test/support/mailbox.js';

/** Signs up through the API and verifies from the dev mailbox: the session cookie's value. */
export async function signUpVerified(appUrl: string, email: string, fullName: string, language: 'en' | 'ar' = 'en'): Promise<string> {
  const signup = await fetch(`${appUrl}/api/v1/landing-cms/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, full_name: fullName, company_name: 'Midas Furniture', password: 'correct horse battery', language }),
  });
  expect(signup.status).toBe(201);
  const link = new URL(await waitForLink(async (p) => (await fetch(`${appUrl}${p}`)).json(), email, '/api/v1/auth/verify?token='));
  const verified = await fetch(`${appUrl}${link.pathname}${link.search}`, { redirect: 'manual' });
  expect(verified.status).toBe(302);
  const session = verified.headers
    .getSetCookie()
    .map((c) => /^stratum_session=([^;]+)/.exec(c)?.[1])
    .find(Boolean);
  expect(session, 'a session cookie from the verification link').toBeTruthy();
  return session!;
}

/** The wizard's steps and completion, through the same API the wizard uses. */
export async function completeOnboardingViaApi(appUrl: string, session: string, answers: Record<string, unknown>): Promise<void> {
  const headers = { cookie: `stratum_session=${session}`, 'content-type': 'application/json' };
  for (const [step, body] of Object.entries(answers)) {
    const res = await fetch(`${appUrl}/api/v1/onboarding/steps/${step}`, { method: 'PUT', headers, body: JSON.stringify(body) });
    expect(res.status, `step ${step}`).toBe(200);
  }
  const done = await fetch(`${appUrl}/api/v1/onboarding/complete`, { method: 'POST', headers: { cookie: headers.cookie } });
  expect(done.status).toBe(200);
}
