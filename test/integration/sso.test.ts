import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { conversionEvents, leads, onboardingStates, ssoAttempts, userIdentities, users, workspaces } from '../../src/db/schema/index.js';
import { ssoAttemptsCleanupJob } from '../../src/accounts/sso/cleanup.job.js';
import { createSignedInUser } from '../support/factories.js';
import { waitForLink, waitForMail } from '../support/mailbox.js';
import { createTestStack, silentLog, type TestStack } from '../support/stack.js';

/**
 * "Continue with Google / Microsoft / Apple" end to end: the real sandbox (the three
 * identity providers) on a port of its own, the app on a database of its own, and a
 * pretend browser in between that keeps each side's cookies and follows the redirects.
 */
let sandbox: RunningSandbox;
let stack: TestStack;
let ip = 1;

beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0 });
  const port = new URL(sandbox.url).port;
  // No SSO_* settings and the sandbox "running": every provider points at the sandbox.
  stack = await createTestStack({ env: { SANDBOX_ENABLED: 'true', SANDBOX_HOST: '127.0.0.1', SANDBOX_PORT: port, CRM_PROVIDER: 'none', TRUST_PROXY: 'true' } });
  await stack.app.ready();
  await stack.queue.startWorkers();
});
afterAll(async () => {
  await stack?.close();
  await sandbox?.close();
});

type Provider = 'google' | 'microsoft' | 'apple';
type Form = Record<string, string>;

const cookieFrom = (setCookie: string | string[] | undefined, name: string): string | undefined => {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return all.find((x) => x.startsWith(`${name}=`))?.split(';')[0]?.slice(name.length + 1);
};
const rawCookie = (setCookie: string | string[] | undefined, name: string): string => {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return all.find((x) => x.startsWith(`${name}=`)) ?? '';
};

/** Each call looks like a new client to the rate limits. */
const clientIp = () => `198.51.100.${(ip++ % 250) + 1}`;

/** "Continue with …" pressed on the page: the page posts what it knows, then goes where it is told. */
async function start(provider: Provider, form: Form = {}, cookies: Record<string, string> = {}) {
  const res = await stack.app.inject({
    method: 'POST',
    url: `/api/v1/auth/sso/${provider}/start`,
    payload: form,
    headers: { origin: stack.config.http.publicUrl, 'x-forwarded-for': clientIp() },
    cookies,
  });
  expect(res.statusCode, res.body).toBe(200);
  const browser = cookieFrom(res.headers['set-cookie'], 'stratum_sso')!;
  expect(browser).toBeTruthy();
  return { authorizeUrl: res.json().authorization_url as string, browser, setCookie: res.headers['set-cookie'] };
}

/** What the provider sends back to the app: a redirect (query) or an auto-submitted form (Apple). */
type Answer = { method: 'GET'; url: string } | { method: 'POST'; url: string; form: Form };

/** The tester on the sandbox's sign-in page: types a person (or cancels) and presses the button. */
async function atProvider(authorizeUrl: string, person: { email?: string; name?: string; verified?: boolean; decision?: 'allow' | 'deny'; pick?: string } = {}): Promise<Answer> {
  expect(authorizeUrl.startsWith(sandbox.url)).toBe(true);
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  expect(page.status, html).toBe(200);
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)![1]!;
  const body = new URLSearchParams({ request_id: requestId, decision: person.decision ?? 'allow' });
  if (person.pick) body.set('pick', person.pick);
  if (person.email) body.set('email', person.email);
  if (person.name) body.set('name', person.name);
  if (person.verified ?? true) body.set('email_verified', 'on');
  const res = await fetch(new URL(action.replaceAll('&amp;', '&'), sandbox.url), { method: 'POST', body, redirect: 'manual' });
  if (res.status === 302) return { method: 'GET', url: res.headers.get('location')! };
  const post = await res.text();
  expect(res.status, post).toBe(200);
  const url = /<form method="post" action="([^"]+)"/.exec(post)![1]!.replaceAll('&amp;', '&');
  const form: Form = {};
  for (const m of post.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form[m[1]!] = unescape(m[2]!);
  return { method: 'POST', url, form };
}

const unescape = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** The browser arriving back at the app with the provider's answer, and (maybe) the attempt's cookie. */
async function back(answer: Answer, browser: string | undefined) {
  const u = new URL(answer.url);
  expect(u.origin).toBe(stack.config.http.publicUrl);
  const cookies: Record<string, string> = browser ? { stratum_sso: browser } : {};
  const res =
    answer.method === 'GET'
      ? await stack.app.inject({ url: u.pathname + u.search, cookies, headers: { 'x-forwarded-for': clientIp() } })
      : await stack.app.inject({
          method: 'POST',
          url: u.pathname,
          payload: new URLSearchParams(answer.form).toString(),
          // Apple's answer is a form posted from appleid.apple.com: another site.
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://appleid.apple.com', 'sec-fetch-site': 'cross-site', 'x-forwarded-for': clientIp() },
          cookies,
        });
  expect(res.statusCode, res.body).toBe(302);
  return { location: res.headers.location as string, session: cookieFrom(res.headers['set-cookie'], 'stratum_session'), setCookie: res.headers['set-cookie'] };
}

async function signInThrough(provider: Provider, person: Parameters<typeof atProvider>[1], form: Form = {}, cookies: Record<string, string> = {}) {
  const s = await start(provider, form, cookies);
  return back(await atProvider(s.authorizeUrl, person), s.browser);
}

const me = (session: string | undefined) => stack.app.inject({ url: '/api/v1/auth/me', cookies: { stratum_session: session ?? '' } });
const userByEmail = async (email: string) => (await stack.db.db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase())))[0];
const count = async (table: typeof users | typeof workspaces | typeof userIdentities) => (await stack.db.db.select().from(table)).length;
const mailTo = (to: string, ready: (subjects: string[]) => boolean) =>
  waitForMail(async (p) => (await stack.app.inject(p)).json(), to, (m) => ready(m.map((x) => x.subject)));

describe('providers', () => {
  it('lists the three providers the sandbox imitates', async () => {
    const res = await stack.app.inject('/api/v1/auth/sso/providers');
    expect(res.json()).toEqual({ providers: ['google', 'microsoft', 'apple'] });
  });

  it('sends the browser to the provider with state, nonce and PKCE (S256), and binds the attempt to it', async () => {
    const s = await start('google', { intent: 'signup', lang: 'ar' });
    const u = new URL(s.authorizeUrl);
    expect(u.origin + u.pathname).toBe(`${sandbox.url}/google/accounts/o/oauth2/v2/auth`);
    expect(Object.fromEntries(u.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'stratum-sandbox.apps.googleusercontent.com',
      redirect_uri: `${stack.config.http.publicUrl}/api/v1/auth/sso/google/callback`,
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
    const rows = await stack.db.db.select().from(ssoAttempts);
    expect(rows.some((r) => r.stateHash === u.searchParams.get('state') || r.browserHash === s.browser)).toBe(false);
  });

  it('refuses a start posted from another site', async () => {
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/google/start',
      payload: { intent: 'signin' },
      headers: { origin: 'https://evil.example', 'x-forwarded-for': clientIp() },
    });
    expect(res.statusCode).toBe(403);
  });

  it('also starts from a plain link (GET)', async () => {
    const res = await stack.app.inject({ url: '/api/v1/auth/sso/microsoft/start?intent=signin&lang=en', headers: { 'x-forwarded-for': clientIp() } });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toContain(`${sandbox.url}/microsoft/login/5b1d3c52-8e2f-4a6b-9d0c-7e3f1a2b4c6d/oauth2/v2.0/authorize?`);
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
    const [ws] = await stack.db.db.select().from(workspaces).where(eq(workspaces.id, user.workspaceId));
    expect(ws!.name).toBe('Midas Furniture');

    const [identity] = await stack.db.db.select().from(userIdentities).where(eq(userIdentities.userId, user.id));
    expect(identity).toMatchObject({ provider: 'google', email, workspaceId: user.workspaceId });
    expect(identity!.subject).toMatch(/^\d{21}$/);

    const [lead] = await stack.db.db.select().from(leads).where(eq(leads.userId, user.id));
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

    const events = await stack.db.db.select().from(conversionEvents).where(eq(conversionEvents.leadId, lead!.id));
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
    await stack.db.db.insert(onboardingStates).values({ workspaceId: user.workspaceId, currentStep: 5, completedAt: new Date() });
    expect((await signInThrough('google', { email }, { intent: 'signin' })).location).toBe('/app');
    expect((await signInThrough('google', { email }, { intent: 'signin', return_to: '/app/campaigns?tab=meta' })).location).toBe('/app/campaigns?tab=meta');
    expect((await stack.db.db.select().from(userIdentities).where(eq(userIdentities.userId, user.id))).length).toBe(1);
  });

  it('cannot sign in with a password it never had, until a password reset sets one', async () => {
    const login = (password: string) =>
      stack.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: { 'x-forwarded-for': clientIp() } });
    const refused = await login('any password at all');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('INVALID_CREDENTIALS');

    await stack.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email }, headers: { 'x-forwarded-for': clientIp() } });
    const link = await waitForLink(async (p) => (await stack.app.inject(p)).json(), email, '/reset-password?token=');
    const token = new URL(link).searchParams.get('token')!;
    const set = await stack.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'a new password 789' }, headers: { 'x-forwarded-for': clientIp() } });
    expect(set.statusCode).toBe(200);
    expect((await login('a new password 789')).statusCode).toBe(200);
    // And Google still works.
    expect((await signInThrough('google', { email }, { intent: 'signin' })).session).toBeTruthy();
  });
});

describe('linking by address', () => {
  it('links a Google login to the existing account with that address when Google vouches for it', async () => {
    const existing = await createSignedInUser(stack.db.db, { email: 'Omar@Rawabi.sa' });
    const ws0 = await count(workspaces);
    const r = await signInThrough('google', { email: 'omar@rawabi.sa', name: 'Omar Haddad' }, { intent: 'signin' });
    expect(r.location).toBe('/onboarding');
    expect((await me(r.session)).json().user.id).toBe(existing.userId);
    expect(await count(workspaces)).toBe(ws0);
    const [identity] = await stack.db.db.select().from(userIdentities).where(eq(userIdentities.userId, existing.userId));
    expect(identity).toMatchObject({ provider: 'google', workspaceId: existing.workspaceId });
  });

  it('verifies an account still waiting for its link, and drops the password nobody proved', async () => {
    const signup = await stack.app.inject({
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
    const login = await stack.app.inject({
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

    await createSignedInUser(stack.db.db, { email: 'victim@bank.example' });
    const takeover = await signInThrough('google', { email: 'victim@bank.example', verified: false }, { intent: 'signin' });
    expect(takeover.location).toBe('/login?sso_error=email_not_verified&sso_provider=google&lng=en');
    expect(takeover.session).toBeUndefined();
    expect(await count(users)).toBe(users0 + 1);
    expect(await count(userIdentities)).toBe(identities0);
  });
});

describe('the round trip is single-use, fresh and bound to the browser', () => {
  it('refuses an unknown state', async () => {
    const r = await back({ method: 'GET', url: `${stack.config.http.publicUrl}/api/v1/auth/sso/google/callback?code=abc&state=${'x'.repeat(43)}` }, 'y'.repeat(43));
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
    await stack.db.db.update(ssoAttempts).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(ssoAttempts.stateHash, hashToken(state)));
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
    const r = await back({ method: 'GET', url: `${stack.config.http.publicUrl}/api/v1/auth/sso/google/callback?code=${encodeURIComponent(code)}&state=${state}` }, second.browser);
    expect(r.location).toBe('/login?sso_error=code_rejected&sso_provider=google&lng=en');
    expect(r.session).toBeUndefined();
  });

  it('deletes attempts past their expiry in the hourly clean-up', async () => {
    await start('google', { intent: 'signin' });
    await stack.db.db.update(ssoAttempts).set({ expiresAt: new Date(Date.now() - 60_000) });
    const fresh = await start('google', { intent: 'signin' });
    expect(fresh.browser).toBeTruthy();
    await ssoAttemptsCleanupJob.run({}, { db: stack.db.db, log: silentLog, jobId: 'test', retryCount: 0, now: () => new Date(), services: undefined as never });
    const left = await stack.db.db.select().from(ssoAttempts);
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
    const [ws] = await stack.db.db.select().from(workspaces).where(eq(workspaces.id, user.workspaceId));
    expect(ws!.name).toBe('Alnoor-trading');
    const [lead] = await stack.db.db.select().from(leads).where(eq(leads.userId, user.id));
    expect(lead).toMatchObject({ gclid: 'TeStApple1', utmSource: 'google', platform: 'google' });
    const [identity] = await stack.db.db.select().from(userIdentities).where(and(eq(userIdentities.userId, user.id), eq(userIdentities.provider, 'apple')));
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
    const [identity] = await stack.db.db.select().from(userIdentities).where(eq(userIdentities.userId, user.id));
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
