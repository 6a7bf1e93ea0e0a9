import { waitForMail } from '../support/mailbox.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { conversionEvents, leads, loginThrottles, users, workspaces } from '../../src/db/schema/index.js';
import { hashPassword } from '../../src/accounts/passwords.js';
import { createSignedInUser } from '../support/factories.js';
import { issueToken } from '../../src/accounts/tokens.js';
import { createTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;

const seedPayload = {
  email: 'ahmed@midasfurniture.com',
  full_name: 'Ahmed Al-Hassan',
  company_name: 'Midas Furniture',
  phone: '+966501234567',
  source_page: 'landing',
  language: 'en',
  utm_source: 'facebook',
  utm_medium: 'cpc',
  utm_campaign: 'automation_launch',
  utm_content: 'video_ad_v2',
  fbclid: 'IwAR3test',
  fbc: 'fb.1.1795600000000.IwAR3test',
  fbp: 'fb.1.1795600000000.9876543210',
  referrer_url: 'https://facebook.com',
  landing_url: 'https://stratum.example/?utm_source=facebook&utm_medium=cpc&utm_campaign=automation_launch&utm_content=video_ad_v2&fbclid=IwAR3test',
  user_agent: 'Mozilla/5.0 (test)',
  password: 'correct horse battery',
  event_id: 'evt-signup-0001',
  form_started_at: Date.now() - 30_000,
};

const mailFor = (to: string, count = 1) => waitForMail(async (p) => (await stack.app.inject(p)).json(), to, (m) => m.length >= count);

const cookieFrom = (setCookie: string | string[] | undefined, name: string): string | undefined => {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const c = all.find((x) => x.startsWith(`${name}=`));
  return c?.split(';')[0]?.slice(name.length + 1);
};

const subscribe = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  stack.app.inject({ method: 'POST', url: '/api/v1/landing-cms/subscribe', payload: body, headers: { 'x-forwarded-for': '203.0.113.9', ...headers } });

beforeAll(async () => {
  // Behind a (pretend) proxy, so each test can be its own client for the rate limits.
  stack = await createTestStack({ env: { TRUST_PROXY: 'true' } });
  await stack.app.ready();
  await stack.queue.startWorkers();
});
afterAll(() => stack?.close());

describe('signup from the landing page', () => {
  let userId = '';
  let verifyLink = '';

  it('stores the lead, the workspace and its pending owner, the conversion events and the email job in one go', async () => {
    const res = await subscribe(seedPayload);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ platform: 'meta', status: 'pending_verification' });
    expect(body.lead_id).toMatch(/^lead_/);
    expect(body.user_id).toMatch(/^usr_/);
    expect(body.score).toBeGreaterThanOrEqual(80);
    userId = body.user_id;

    const [lead] = await stack.db.db.select().from(leads).where(eq(leads.id, body.lead_id));
    expect(lead).toMatchObject({
      workspaceId: 'ws_stratum',
      kind: 'signup',
      email: 'ahmed@midasfurniture.com',
      phoneE164: '+966501234567',
      phoneCountry: 'SA',
      utmSource: 'facebook',
      utmCampaign: 'automation_launch',
      utmContent: 'video_ad_v2',
      fbclid: 'IwAR3test',
      fbc: seedPayload.fbc,
      fbp: seedPayload.fbp,
      platform: 'meta',
      platformVia: 'click_id',
      userId,
    });
    expect(lead!.scoreBreakdown.map((l) => l.rule)).toContain('email_domain');

    const [user] = await stack.db.db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ role: 'owner', status: 'pending_verification', fullName: 'Ahmed Al-Hassan' });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const [ws] = await stack.db.db.select().from(workspaces).where(eq(workspaces.id, user!.workspaceId));
    expect(ws).toMatchObject({ name: 'Midas Furniture', currency: 'SAR', timezone: 'Asia/Riyadh' });

    const events = await stack.db.db.select().from(conversionEvents).where(eq(conversionEvents.leadId, body.lead_id));
    expect(events.map((e) => [e.platform, e.eventName, e.eventId, e.status])).toEqual([['meta', 'Lead', 'evt-signup-0001', 'pending']]);
    expect(events[0]!.matchData).toMatchObject({ email: 'ahmed@midasfurniture.com', fbc: seedPayload.fbc, fbp: seedPayload.fbp });
  });

  it('emails a verification link (dev mailbox), which verifies, signs in and leads to onboarding', async () => {
    const [mail] = await mailFor('ahmed@midasfurniture.com');
    expect(mail!.subject).toContain('Verify your Stratum account');
    verifyLink = mail!.links.find((l) => l.includes('/api/v1/auth/verify?token='))!;
    expect(verifyLink).toBeTruthy();
    expect(mail!.text).toContain(verifyLink);

    const res = await stack.app.inject(new URL(verifyLink).pathname + new URL(verifyLink).search);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/onboarding');
    const session = cookieFrom(res.headers['set-cookie'], 'stratum_session');
    expect(session).toBeTruthy();
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Lax/i);

    const [user] = await stack.db.db.select().from(users).where(eq(users.id, userId));
    expect(user!.status).toBe('verified');

    const me = await stack.app.inject({ url: '/api/v1/auth/me', cookies: { stratum_session: session! } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: userId, first_name: 'Ahmed', role: 'owner', workspace: { name: 'Midas Furniture', currency: 'SAR' } });
  });

  it('refuses the same link twice, saying it was used', async () => {
    const res = await stack.app.inject(new URL(verifyLink).pathname + new URL(verifyLink).search);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/verify-email?status=used&email=ahmed%40midasfurniture.com');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('says which when a link is unknown or expired', async () => {
    const unknown = await stack.app.inject('/api/v1/auth/verify?token=' + 'x'.repeat(43));
    expect(unknown.headers.location).toBe('/verify-email?status=unknown');
    const garbage = await stack.app.inject('/api/v1/auth/verify?token=%27%20or%201%3D1');
    expect(garbage.headers.location).toBe('/verify-email?status=unknown');

    const [user] = await stack.db.db.select().from(users).where(eq(users.id, userId));
    const old = await issueToken(stack.db.db, user!, 'verify_email', new Date(Date.now() - 25 * 3600 * 1000));
    const expired = await stack.app.inject(`/api/v1/auth/verify?token=${old}`);
    expect(expired.headers.location).toBe('/verify-email?status=expired&email=ahmed%40midasfurniture.com');
  });

  it('answers a second signup for the same address exactly as a first one, and emails "you already have an account"', async () => {
    const before = (await stack.db.db.select().from(workspaces)).length;
    const res = await subscribe({ ...seedPayload, email: 'AHMED@midasfurniture.com', password: 'another password 123' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['lead_id', 'platform', 'score', 'status', 'user_id']);
    expect(body.status).toBe('pending_verification');
    expect(body.user_id).toMatch(/^usr_/);
    expect(body.user_id).not.toBe(userId);
    expect((await stack.db.db.select().from(workspaces)).length).toBe(before);
    const mail = await mailFor('ahmed@midasfurniture.com', 2);
    expect(mail[0]!.subject).not.toContain('Verify');
    // A repeat signup is not a new registration: no conversion is reported for it.
    const events = await stack.db.db.select().from(conversionEvents).where(eq(conversionEvents.leadId, body.lead_id));
    expect(events).toEqual([]);
  });
});

describe('signup input', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['missing fields', { email: 'a@b.co' }, ['company_name', 'full_name', 'password']],
    ['a bad email', { ...seedPayload, email: 'not-an-email' }, ['email']],
    ['a short password', { ...seedPayload, email: 'p@midas.sa', password: 'short' }, ['password']],
    ['wrong types', { ...seedPayload, email: 'q@midas.sa', full_name: 42, language: 'fr' }, ['full_name', 'language']],
    ['an overlong click id', { ...seedPayload, email: 'r@midas.sa', fbclid: 'x'.repeat(501) }, ['fbclid']],
  ])('rejects %s with 400 naming the fields', async (_name, body, paths) => {
    const res = await subscribe(body, { 'x-forwarded-for': `198.51.100.${paths.length}` });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect([...new Set(error.details.map((d: { path: string }) => d.path))].sort()).toEqual(paths);
  });

  it('rejects a huge body with 413', async () => {
    const res = await subscribe({ ...seedPayload, full_name: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
  });

  it('gives a bot a believable answer and stores nothing', async () => {
    const res = await subscribe({ ...seedPayload, email: 'bot@spam.example', website: 'http://spam.example' }, { 'x-forwarded-for': '198.51.100.50' });
    expect(res.statusCode).toBe(201);
    expect(await stack.db.db.select().from(leads).where(eq(leads.email, 'bot@spam.example'))).toEqual([]);
    expect(await stack.db.db.select().from(users).where(eq(users.email, 'bot@spam.example'))).toEqual([]);
  });

  it('limits signups per client to 10 a minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      codes.push((await subscribe({ email: 'rate@x.co' }, { 'x-forwarded-for': '198.51.100.77' })).statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 400)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});

describe('sign-in', () => {
  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    stack.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });

  it('signs in a verified user, and signs out', async () => {
    const res = await login('Ahmed@MidasFurniture.com', 'correct horse battery');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe('ahmed@midasfurniture.com');
    const session = cookieFrom(res.headers['set-cookie'], 'stratum_session')!;
    expect((await stack.app.inject({ url: '/api/v1/auth/me', cookies: { stratum_session: session } })).statusCode).toBe(200);
    const out = await stack.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { stratum_session: session } });
    expect(out.statusCode).toBe(204);
    const me = await stack.app.inject({ url: '/api/v1/auth/me', cookies: { stratum_session: session } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong password and an unknown address the same way', async () => {
    const wrong = await login('ahmed@midasfurniture.com', 'wrong password!!');
    const unknown = await login('nobody@midasfurniture.com', 'wrong password!!');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('asks an unverified user to verify first', async () => {
    await subscribe({ ...seedPayload, email: 'pending@midas.sa', event_id: 'evt-pending-01' }, { 'x-forwarded-for': '198.51.100.90' });
    const res = await login('pending@midas.sa', 'correct horse battery');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('EMAIL_NOT_VERIFIED');
  });

  it('backs off per address, whichever client the guesses come from, known address or not', async () => {
    const owner = await createSignedInUser(stack.db.db, { email: 'guessed@midas.sa' });
    await stack.db.db.update(users).set({ passwordHash: await hashPassword('the right password') }).where(eq(users.id, owner.userId));
    let client = 0;
    const from = () => ({ 'x-forwarded-for': `203.0.113.${100 + ++client}` });
    for (const email of ['guessed@midas.sa', 'never-registered@midas.sa']) {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await login(email, `wrong guess ${i}!!`, from())).statusCode);
      expect(codes).toEqual([401, 401, 401, 401, 401]);
      const blocked = await login(email, 'the right password', from());
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('RATE_LIMITED');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(25);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(30);
    }
    // Another address is not affected.
    expect((await login('ahmed@midasfurniture.com', 'correct horse battery', from())).statusCode).toBe(200);
    // Once the wait is over, the right password works and the count starts again.
    await stack.db.db.update(loginThrottles).set({ blockedUntil: new Date(Date.now() - 1000) });
    expect((await login('guessed@midas.sa', 'the right password', from())).statusCode).toBe(200);
    expect((await login('guessed@midas.sa', 'wrong again!!', from())).statusCode).toBe(401);
    const [row] = await stack.db.db.select().from(loginThrottles).where(sql`true`).orderBy(loginThrottles.failures);
    expect(row!.failures).toBe(1);
  });

  it('refuses a cross-site sign-in (CSRF)', async () => {
    const res = await login('ahmed@midasfurniture.com', 'correct horse battery', { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toEqual({ reason: 'CSRF' });
  });
});

describe('resending verification', () => {
  it('answers 202 whoever asks, and mails only an unverified account', async () => {
    const pendingBefore = (await mailFor('pending@midas.sa')).length;
    for (const email of ['pending@midas.sa', 'nobody@nowhere.example', 'ahmed@midasfurniture.com']) {
      const res = await stack.app.inject({ method: 'POST', url: '/api/v1/auth/resend-verification', payload: { email }, headers: { 'x-forwarded-for': '198.51.100.120' } });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ status: 'sent' });
    }
    const after = await mailFor('pending@midas.sa', pendingBefore + 1);
    expect(after[0]!.subject).toContain('Verify');
    expect((await stack.app.inject('/api/v1/dev/mailbox?to=nobody%40nowhere.example')).json()).toEqual([]);
  });
});

describe('a lead without an account', () => {
  it('is stored with its attribution and score', async () => {
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/landing-cms/lead',
      payload: { email: 'demo@gulf-retail.ae', company_name: 'Gulf Retail', language: 'ar', landing_url: 'https://stratum.example/?gclid=CjwKtest&utm_campaign=brand', source_page: 'demo' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.platform).toBe('google');
    const [lead] = await stack.db.db.select().from(leads).where(and(eq(leads.id, body.lead_id), eq(leads.workspaceId, 'ws_stratum')));
    expect(lead).toMatchObject({ kind: 'lead', gclid: 'CjwKtest', utmCampaign: 'brand', userId: null, language: 'ar' });
    const count = await stack.db.db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.email, 'demo@gulf-retail.ae'));
    expect(count[0]!.n).toBe(0);
  });
});
