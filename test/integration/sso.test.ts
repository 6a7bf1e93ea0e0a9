import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { conversionEvents, leads, onboardingStates, ssoAttempts, userIdentities, users, workspaces } from '../../src/db/schema/index.js';
import { createSignedInUser } from '../support/factories.js';
import { waitForLink } from '../support/mailbox.js';
import { useSsoHarness } from '../support/sso-harness.js';

/** "Continue with Google / Microsoft / Apple": providers, signing up, and linking to existing accounts. */
const h = useSsoHarness();
const { rawCookie, clientIp, start, signInThrough, me, userByEmail, count, mailTo } = h;

describe('providers', () => {
  it('lists the three providers the sandbox imitates', async () => {
    const res = await h.stack.app.inject('/api/v1/auth/sso/providers');
    expect(res.json()).toEqual({ providers: ['google', 'microsoft', 'apple'] });
  });

  it('sends the browser to the provider with state, nonce and PKCE (S256), and binds the attempt to it', async () => {
    const s = await start('google', { intent: 'signup', lang: 'ar' });
    const u = new URL(s.authorizeUrl);
    expect(u.origin + u.pathname).toBe(`${h.sandbox.url}/google/accounts/o/oauth2/v2/auth`);
    expect(Object.fromEntries(u.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'stratum-sandbox.apps.googleusercontent.com',
      redirect_uri: `${h.stack.config.http.publicUrl}/api/v1/auth/sso/google/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      hl: 'ar',
    });
    expect(u.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(u.searchParams.get('nonce')).toBeTruthy();
    expect(u.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = rawCookie(s.setCookie, 'stratum_sso');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/sso\/google\//);
    expect(cookie).toMatch(/Max-Age=600/);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // Only hashes are stored: neither the state nor the browser secret is in the row.
    const rows = await h.stack.db.db.select().from(ssoAttempts);
    expect(rows.some((r) => r.stateHash === u.searchParams.get('state') || r.browserHash === s.browser)).toBe(false);
  });

  it('refuses a start posted from another site', async () => {
    const res = await h.stack.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/google/start',
      payload: { intent: 'signin' },
      headers: { origin: 'https://evil.example', 'x-forwarded-for': clientIp() },
    });
    expect(res.statusCode).toBe(403);
  });

  it('also starts from a plain link (GET)', async () => {
    const res = await h.stack.app.inject({ url: '/api/v1/auth/sso/microsoft/start?intent=signin&lang=en', headers: { 'x-forwarded-for': clientIp() } });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toContain(`${h.sandbox.url}/microsoft/login/5b1d3c52-8e2f-4a6b-9d0c-7e3f1a2b4c6d/oauth2/v2.0/authorize?`);
  });
});

describe('signing up with Google', () => {
  const email = 'sara@midasfurniture.com';
  const landing = 'https://stratum.example/?utm_source=facebook&utm_medium=cpc&utm_campaign=automation_launch&fbclid=IwAR3sso';
  const firstTouch = {
    utm: { source: 'newsletter' },
    clickIds: {},
    referrer: null,
    landingUrl: 'https://stratum.example/?utm_source=newsletter',
    at: '2026-11-01T08:00:00.000Z',
  };
  let session: string | undefined;

  it('creates a verified account with the attribution the page carried, its conversion events and the welcome email', async () => {
    const before = await count(workspaces);
    const r = await signInThrough(
      'google',
      { email, name: 'Sara Al-Qahtani' },
      {
        intent: 'signup',
        lang: 'en',
        company_name: 'Midas Furniture',
        utm_source: 'facebook',
        utm_medium: 'cpc',
        utm_campaign: 'automation_launch',
        fbclid: 'IwAR3sso',
        fbc: 'fb.1.1795600000000.IwAR3sso',
        landing_url: landing,
        referrer_url: 'https://facebook.com/',
        visitor_id: 'vis_sso_0001',
        first_touch: JSON.stringify(firstTouch),
        return_to: 'https://evil.example/steal',
      },
      // The browser's own first-party cookies complete what the page sent.
      { _fbp: 'fb.1.1795600000000.1234567890' },
    );
    expect(r.location).toBe('/onboarding');
    session = r.session;
    expect(session).toBeTruthy();
    expect(String(r.setCookie)).toMatch(/stratum_session=[^;]+;.*HttpOnly/i);

    const user = (await userByEmail(email))!;
    expect(user).toMatchObject({ status: 'verified', passwordHash: null, fullName: 'Sara Al-Qahtani', role: 'owner', language: 'en' });
    expect(user.verifiedAt).toBeInstanceOf(Date);
    expect(await count(workspaces)).toBe(before + 1);
    const [ws] = await h.stack.db.db.select().from(workspaces).where(eq(workspaces.id, user.workspaceId));
    expect(ws!.name).toBe('Midas Furniture');

    const [identity] = await h.stack.db.db.select().from(userIdentities).where(eq(userIdentities.userId, user.id));
    expect(identity).toMatchObject({ provider: 'google', email, workspaceId: user.workspaceId });
    expect(identity!.subject).toMatch(/^\d{21}$/);

    const [lead] = await h.stack.db.db.select().from(leads).where(eq(leads.userId, user.id));
    expect(lead).toMatchObject({
      workspaceId: 'ws_stratum',
      kind: 'signup',
      email,
      companyName: 'Midas Furniture',
      sourcePage: 'landing',
      utmSource: 'facebook',
      utmMedium: 'cpc',
      utmCampaign: 'automation_launch',
      fbclid: 'IwAR3sso',
      fbc: 'fb.1.1795600000000.IwAR3sso',
      fbp: 'fb.1.1795600000000.1234567890',
      visitorId: 'vis_sso_0001',
      landingUrl: landing,
      platform: 'meta',
      platformVia: 'click_id',
    });
    // First touch is the visitor's first visit, carried from the page's storage; last touch is the click.
    expect(lead!.firstTouch).toMatchObject({ utm: { source: 'newsletter' }, at: firstTouch.at });
    expect(lead!.lastTouch).toMatchObject({ utm: { source: 'facebook' }, clickIds: { fbclid: 'IwAR3sso' } });

    const events = await h.stack.db.db.select().from(conversionEvents).where(eq(conversionEvents.leadId, lead!.id));
    expect(events.map((e) => [e.platform, e.eventName])).toEqual([['meta', 'Lead']]);
    expect(events[0]!.matchData).toMatchObject({ email, fbc: 'fb.1.1795600000000.IwAR3sso', fbp: 'fb.1.1795600000000.1234567890' });

    // Verified by the provider: no verification email, the welcome instead.
    const mail = await mailTo(email, (s) => s.includes('Welcome to Stratum'));
    expect(mail.map((m) => m.subject).some((s) => s.includes('Verify'))).toBe(false);
  });

  it('is signed in as that user', async () => {
    const res = await me(session);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email, status: 'verified', workspace: { name: 'Midas Furniture' } });
  });

  it('signs the same Google account in again, to onboarding while it is unfinished, then to the app or the page asked for', async () => {
    const users0 = await count(users);
    const again = await signInThrough('google', { email }, { intent: 'signin' });
    expect(again.location).toBe('/onboarding');
    expect((await me(again.session)).statusCode).toBe(200);
    expect(await count(users)).toBe(users0);

    const user = (await userByEmail(email))!;
    await h.stack.db.db.insert(onboardingStates).values({ workspaceId: user.workspaceId, currentStep: 5, completedAt: new Date() });
    expect((await signInThrough('google', { email }, { intent: 'signin' })).location).toBe('/app');
    expect((await signInThrough('google', { email }, { intent: 'signin', return_to: '/app/campaigns?tab=meta' })).location).toBe('/app/campaigns?tab=meta');
    expect((await h.stack.db.db.select().from(userIdentities).where(eq(userIdentities.userId, user.id))).length).toBe(1);
  });

  it('cannot sign in with a password it never had, until a password reset sets one', async () => {
    const login = (password: string) =>
      h.stack.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: { 'x-forwarded-for': clientIp() } });
    const refused = await login('any password at all');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('INVALID_CREDENTIALS');

    await h.stack.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email }, headers: { 'x-forwarded-for': clientIp() } });
    const link = await waitForLink(async (p) => (await h.stack.app.inject(p)).json(), email, '/reset-password?token=');
    const token = new URL(link).searchParams.get('token')!;
    const set = await h.stack.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'a new password 789' }, headers: { 'x-forwarded-for': clientIp() } });
    expect(set.statusCode).toBe(200);
    expect((await login('a new password 789')).statusCode).toBe(200);
    // And Google still works.
    expect((await signInThrough('google', { email }, { intent: 'signin' })).session).toBeTruthy();
  });
});

describe('linking by address', () => {
  it('links a Google login to the existing account with that address when Google vouches for it', async () => {
    const existing = await createSignedInUser(h.stack.db.db, { email: 'Omar@Rawabi.sa' });
    const ws0 = await count(workspaces);
    const r = await signInThrough('google', { email: 'omar@rawabi.sa', name: 'Omar Haddad' }, { intent: 'signin' });
    expect(r.location).toBe('/onboarding');
    expect((await me(r.session)).json().user.id).toBe(existing.userId);
    expect(await count(workspaces)).toBe(ws0);
    const [identity] = await h.stack.db.db.select().from(userIdentities).where(eq(userIdentities.userId, existing.userId));
    expect(identity).toMatchObject({ provider: 'google', workspaceId: existing.workspaceId });
  });

  it('verifies an account still waiting for its link, and drops the password nobody proved', async () => {
    const signup = await h.stack.app.inject({
      method: 'POST',
      url: '/api/v1/landing-cms/subscribe',
      payload: { email: 'lena@northwind.example', full_name: 'Lena Fischer', company_name: 'Northwind', password: 'squatted password 1', form_started_at: Date.now() - 30_000 },
      headers: { 'x-forwarded-for': clientIp() },
    });
    expect(signup.statusCode).toBe(201);
    const r = await signInThrough('google', { email: 'lena@northwind.example' }, { intent: 'signin' });
    expect(r.session).toBeTruthy();
    const user = (await userByEmail('lena@northwind.example'))!;
    expect(user).toMatchObject({ status: 'verified', passwordHash: null });
    const login = await h.stack.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'lena@northwind.example', password: 'squatted password 1' },
      headers: { 'x-forwarded-for': clientIp() },
    });
    expect(login.statusCode).toBe(401);
    await mailTo('lena@northwind.example', (s) => s.includes('Welcome to Stratum'));
  });

  it('refuses an address the provider does not vouch for: no account, no link', async () => {
    const users0 = await count(users);
    const identities0 = await count(userIdentities);
    const fresh = await signInThrough('google', { email: 'unverified@brandnew.example', verified: false }, { intent: 'signup', lang: 'ar' });
    expect(fresh.location).toBe('/?signup=1&sso_error=email_not_verified&sso_provider=google&lng=ar');
    expect(fresh.session).toBeUndefined();

    await createSignedInUser(h.stack.db.db, { email: 'victim@bank.example' });
    const takeover = await signInThrough('google', { email: 'victim@bank.example', verified: false }, { intent: 'signin' });
    expect(takeover.location).toBe('/login?sso_error=email_not_verified&sso_provider=google&lng=en');
    expect(takeover.session).toBeUndefined();
    expect(await count(users)).toBe(users0 + 1);
    expect(await count(userIdentities)).toBe(identities0);
  });
});
