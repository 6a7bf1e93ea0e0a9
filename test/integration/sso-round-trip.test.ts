import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { leads, ssoAttempts, userIdentities, workspaces } from '../../src/db/schema/index.js';
import { ssoAttemptsCleanupJob } from '../../src/accounts/sso/cleanup.job.js';
import { silentLog } from '../support/stack.js';
import { useSsoHarness } from '../support/sso-harness.js';

/** The round trip's safety (single use, freshness, same browser, cancels) and Apple's and Microsoft's own ways. */
const h = useSsoHarness();
const { start, atProvider, back, signInThrough, me, userByEmail, mailTo } = h;

describe('the round trip is single-use, fresh and bound to the browser', () => {
  it('refuses an unknown state', async () => {
    const r = await back({ method: 'GET', url: `${h.stack.config.http.publicUrl}/api/v1/auth/sso/google/callback?code=abc&state=${'x'.repeat(43)}` }, 'y'.repeat(43));
    expect(r.location).toBe('/login?sso_error=invalid_state&sso_provider=google');
    expect(r.session).toBeUndefined();
  });

  it('refuses the same callback twice', async () => {
    const s = await start('google', { intent: 'signin' });
    const answer = await atProvider(s.authorizeUrl, { email: 'sara@midasfurniture.com' });
    expect((await back(answer, s.browser)).session).toBeTruthy();
    const replay = await back(answer, s.browser);
    expect(replay.location).toBe('/login?sso_error=invalid_state&sso_provider=google&lng=en');
    expect(replay.session).toBeUndefined();
  });

  it('refuses an attempt older than ten minutes', async () => {
    const s = await start('google', { intent: 'signup' });
    const answer = await atProvider(s.authorizeUrl, { email: 'sara@midasfurniture.com' });
    const state = new URL(answer.url).searchParams.get('state')!;
    const { hashToken } = await import('../../src/accounts/token-rules.js');
    await h.stack.db.db.update(ssoAttempts).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(ssoAttempts.stateHash, hashToken(state)));
    const r = await back(answer, s.browser);
    expect(r.location).toBe('/?signup=1&sso_error=expired&sso_provider=google&lng=en');
    expect(r.session).toBeUndefined();
  });

  it('refuses a callback in a browser that did not start it, and still lets the right browser finish', async () => {
    const s = await start('google', { intent: 'signin' });
    const answer = await atProvider(s.authorizeUrl, { email: 'sara@midasfurniture.com' });
    expect((await back(answer, undefined)).location).toBe('/login?sso_error=other_browser&sso_provider=google&lng=en');
    const other = await start('google', { intent: 'signin' });
    const wrong = await back(answer, other.browser);
    expect(wrong.location).toBe('/login?sso_error=other_browser&sso_provider=google&lng=en');
    expect(wrong.session).toBeUndefined();
    expect((await back(answer, s.browser)).session).toBeTruthy();
  });

  it('refuses an attempt started for another provider', async () => {
    const s = await start('google', { intent: 'signin' });
    const answer = await atProvider(s.authorizeUrl, { email: 'sara@midasfurniture.com' });
    const u = new URL(answer.url);
    const r = await back({ method: 'GET', url: `${u.origin}/api/v1/auth/sso/microsoft/callback${u.search}` }, s.browser);
    expect(r.location).toBe('/login?sso_error=invalid_state&sso_provider=microsoft&lng=en');
  });

  it('says the visitor cancelled, in their language', async () => {
    const s = await start('google', { intent: 'signin', lang: 'ar' });
    const answer = await atProvider(s.authorizeUrl, { decision: 'deny' });
    expect(new URL(answer.url).searchParams.get('error')).toBe('access_denied');
    const r = await back(answer, s.browser);
    expect(r.location).toBe('/login?sso_error=cancelled&sso_provider=google&lng=ar');
    expect(r.session).toBeUndefined();
  });

  it('turns a code the provider refuses (invalid_grant: already redeemed) into a clear error, not a 500', async () => {
    const first = await start('google', { intent: 'signin' });
    const answer = await atProvider(first.authorizeUrl, { email: 'sara@midasfurniture.com' });
    expect((await back(answer, first.browser)).session).toBeTruthy();
    // A fresh, valid attempt in this browser, carrying the code already redeemed.
    const second = await start('google', { intent: 'signin' });
    const state = new URL(second.authorizeUrl).searchParams.get('state')!;
    const code = new URL(answer.url).searchParams.get('code')!;
    const r = await back({ method: 'GET', url: `${h.stack.config.http.publicUrl}/api/v1/auth/sso/google/callback?code=${encodeURIComponent(code)}&state=${state}` }, second.browser);
    expect(r.location).toBe('/login?sso_error=code_rejected&sso_provider=google&lng=en');
    expect(r.session).toBeUndefined();
  });

  it('deletes attempts past their expiry in the hourly clean-up', async () => {
    await start('google', { intent: 'signin' });
    await h.stack.db.db.update(ssoAttempts).set({ expiresAt: new Date(Date.now() - 60_000) });
    const fresh = await start('google', { intent: 'signin' });
    expect(fresh.browser).toBeTruthy();
    await ssoAttemptsCleanupJob.run({}, { db: h.stack.db.db, log: silentLog, jobId: 'test', retryCount: 0, now: () => new Date(), services: undefined as never });
    const left = await h.stack.db.db.select().from(ssoAttempts);
    expect(left.length).toBe(1);
    expect(left[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('Sign in with Apple', () => {
  it('answers by form post, with the name only the first time, and the cross-site post is accepted', async () => {
    const s = await start('apple', { intent: 'signup', lang: 'en', utm_source: 'google', utm_medium: 'cpc', gclid: 'TeStApple1' });
    const authorize = new URL(s.authorizeUrl);
    expect(authorize.searchParams.get('response_mode')).toBe('form_post');
    expect(authorize.searchParams.get('scope')).toBe('openid email name');
    const answer = await atProvider(s.authorizeUrl, { email: 'noor@alnoor-trading.com', name: 'Noor Al-Harbi' });
    expect(answer.method).toBe('POST');
    if (answer.method !== 'POST') return;
    expect(JSON.parse(answer.form.user!)).toEqual({ name: { firstName: 'Noor', lastName: 'Al-Harbi' }, email: 'noor@alnoor-trading.com' });
    const r = await back(answer, s.browser);
    expect(r.location).toBe('/onboarding');
    const user = (await userByEmail('noor@alnoor-trading.com'))!;
    expect(user).toMatchObject({ fullName: 'Noor Al-Harbi', status: 'verified', passwordHash: null });
    const [ws] = await h.stack.db.db.select().from(workspaces).where(eq(workspaces.id, user.workspaceId));
    expect(ws!.name).toBe('Alnoor-trading');
    const [lead] = await h.stack.db.db.select().from(leads).where(eq(leads.userId, user.id));
    expect(lead).toMatchObject({ gclid: 'TeStApple1', utmSource: 'google', platform: 'google' });
    const [identity] = await h.stack.db.db.select().from(userIdentities).where(and(eq(userIdentities.userId, user.id), eq(userIdentities.provider, 'apple')));
    expect(identity!.subject).toMatch(/^\d+\.[0-9a-f]{32}\.\d{4}$/);

    const again = await start('apple', { intent: 'signin' });
    const second = await atProvider(again.authorizeUrl, { email: 'noor@alnoor-trading.com', name: 'Someone Else' });
    expect(second.method === 'POST' && second.form.user).toBeUndefined();
    const r2 = await back(second, again.browser);
    expect((await me(r2.session)).json().user).toMatchObject({ id: user.id, full_name: 'Noor Al-Harbi' });
  });

  it('treats Apple\'s cancel (user_cancelled_authorize) as a cancel', async () => {
    const s = await start('apple', { intent: 'signup', lang: 'ar' });
    const r = await back(await atProvider(s.authorizeUrl, { decision: 'deny' }), s.browser);
    expect(r.location).toBe('/?signup=1&sso_error=cancelled&sso_provider=apple&lng=ar');
  });
});

describe('Sign in with Microsoft', () => {
  it('creates the account when the domain owner is verified (xms_edov), and signs it in again', async () => {
    const r = await signInThrough('microsoft', { email: 'khalid@gulfretail.com', name: 'Khalid Saeed' }, { intent: 'signup', lang: 'ar' });
    expect(r.location).toBe('/onboarding');
    const user = (await userByEmail('khalid@gulfretail.com'))!;
    expect(user).toMatchObject({ fullName: 'Khalid Saeed', language: 'ar', status: 'verified' });
    const [identity] = await h.stack.db.db.select().from(userIdentities).where(eq(userIdentities.userId, user.id));
    expect(identity).toMatchObject({ provider: 'microsoft' });
    expect(identity!.subject).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await signInThrough('microsoft', { email: 'khalid@gulfretail.com' }, { intent: 'signin' });
    expect((await me(again.session)).json().user.id).toBe(user.id);
    await mailTo('khalid@gulfretail.com', (s) => s.includes('أهلًا بك في Stratum'));
  });

  it('refuses an address whose domain owner is not verified', async () => {
    const r = await signInThrough('microsoft', { email: 'ceo@bank.example', verified: false }, { intent: 'signin' });
    expect(r.location).toBe('/login?sso_error=email_not_verified&sso_provider=microsoft&lng=en');
    expect(await userByEmail('ceo@bank.example')).toBeUndefined();
  });
});
