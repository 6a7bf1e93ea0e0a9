import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { leads, onboardingStates, users } from '../../src/db/schema/index.js';
import { createTestStack, type TestStack } from '../support/stack.js';
import { createSignedInUser } from '../support/factories.js';

const TOKEN = 'operator-token-0123456789abcdef0123456789';
let stack: TestStack;
let ip = 0;

const post = (url: string, body: Record<string, unknown>) =>
  stack.app.inject({ method: 'POST', url, payload: body, headers: { 'x-forwarded-for': `198.51.100.${++ip}` } });

const base = { full_name: 'Ahmed Al-Hassan', company_name: 'Midas Furniture', language: 'en', source_page: 'landing', form_started_at: Date.now() - 30_000 };
const signup = (email: string, extra: Record<string, unknown>) => post('/api/v1/landing-cms/subscribe', { ...base, email, password: 'correct horse battery', ...extra });
const lead = (email: string, extra: Record<string, unknown>) => post('/api/v1/landing-cms/lead', { ...base, email, ...extra });

const stats = (query = '', headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }, cookies?: Record<string, string>) =>
  stack.app.inject({ method: 'GET', url: `/api/v1/landing-cms/stats${query}`, headers, ...(cookies ? { cookies } : {}) });

beforeAll(async () => {
  stack = await createTestStack({ env: { TRUST_PROXY: 'true', PLATFORM_ADMIN_TOKEN: TOKEN } });
  await stack.app.ready();
});
afterAll(() => stack?.close());

describe('GET /api/v1/landing-cms/stats', () => {
  const userIds: string[] = [];

  beforeAll(async () => {
    for (const [email, extra] of [
      ['a@midasfurniture.com', { utm_source: 'facebook', utm_medium: 'cpc', utm_campaign: 'launch', fbclid: 'IwAR1' }],
      ['b@midasfurniture.com', { utm_source: 'facebook', utm_medium: 'cpc', utm_campaign: 'launch', fbclid: 'IwAR2' }],
      ['c@jarir.sa', { utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'brand', gclid: 'Cj0K' }],
      ['d@noon.com', {}],
    ] as const) {
      const res = await signup(email, extra);
      expect(res.statusCode).toBe(201);
      userIds.push(res.json().user_id);
    }
    // The same person again: another lead, not another signup.
    expect((await signup('a@midasfurniture.com', { utm_source: 'facebook', utm_medium: 'cpc', utm_campaign: 'launch' })).statusCode).toBe(201);
    expect((await lead('e@almarai.com', { utm_source: 'tiktok', utm_medium: 'paid', utm_campaign: 'launch', ttclid: 'E.C.P.x' })).statusCode).toBe(201);

    // Three verified their email; two of them finished onboarding; one unverified person also "finished" (not counted).
    await stack.db.db.update(users).set({ status: 'verified', verifiedAt: new Date() }).where(inArray(users.id, userIds.slice(0, 3)));
    const wsOf = async (id: string) => (await stack.db.db.select({ ws: users.workspaceId }).from(users).where(eq(users.id, id)))[0]!.ws;
    for (const id of [userIds[0]!, userIds[2]!, userIds[3]!]) {
      await stack.db.db.insert(onboardingStates).values({ workspaceId: await wsOf(id), currentStep: 5, completedAt: new Date() });
    }
  });

  it('gives operators the landing page funnel, by day, platform, source and campaign', async () => {
    const res = await stats();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.workspace_id).toBe('ws_stratum');
    expect(body.range.time_zone).toBe('Asia/Riyadh');
    expect(body.totals).toEqual({ leads: 6, signups: 4, verified: 3, onboarded: 2, connected: 0 });
    expect(body.rates).toEqual({ verified: 0.75, onboarded: 0.6667, connected: 0, overall: 0 });
    expect(body.by_day).toHaveLength(30);
    expect(body.by_day.at(-1)).toMatchObject({ leads: 6, signups: 4 });
    expect(body.by_day.slice(0, -1).every((d: { leads: number }) => d.leads === 0)).toBe(true);
    expect(body.by_platform).toEqual([
      { platform: 'meta', leads: 3, signups: 2 },
      { platform: 'direct', leads: 1, signups: 1 },
      { platform: 'google', leads: 1, signups: 1 },
      { platform: 'tiktok', leads: 1, signups: 0 },
    ]);
    expect(body.by_source[0]).toEqual({ source: 'facebook', medium: 'cpc', leads: 3, signups: 2 });
    expect(body.by_source.at(-1)).toEqual({ source: null, medium: null, leads: 1, signups: 1 });
    expect(body.by_campaign[0]).toEqual({ campaign: 'launch', source: 'facebook', leads: 3, signups: 2 });
  });

  it('cuts days in the requested time zone', async () => {
    const [row] = await stack.db.db.select({ id: leads.id }).from(leads).where(eq(leads.email, 'e@almarai.com'));
    // 22:30 UTC on 1 March is already 2 March in Riyadh.
    await stack.db.db.update(leads).set({ createdAt: new Date('2026-03-01T22:30:00Z') }).where(eq(leads.id, row!.id));
    const riyadh = (await stats('?from=2026-03-01&to=2026-03-02&time_zone=Asia/Riyadh')).json();
    const utc = (await stats('?from=2026-03-01&to=2026-03-02&time_zone=UTC')).json();
    expect(riyadh.by_day).toEqual([
      { date: '2026-03-01', leads: 0, signups: 0 },
      { date: '2026-03-02', leads: 1, signups: 0 },
    ]);
    expect(utc.by_day).toEqual([
      { date: '2026-03-01', leads: 1, signups: 0 },
      { date: '2026-03-02', leads: 0, signups: 0 },
    ]);
    expect(riyadh.totals.leads).toBe(1);
  });

  it('shows a workspace owner only their own workspace, and refuses members and strangers', async () => {
    const owner = await createSignedInUser(stack.db.db, { role: 'owner' });
    const mine = await stats('', {}, owner.cookies);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ workspace_id: owner.workspaceId, totals: { leads: 0, signups: 0 } });
    expect((await stats('?workspace_id=ws_stratum', {}, owner.cookies)).statusCode).toBe(404);

    const member = await createSignedInUser(stack.db.db, { role: 'member', workspaceId: owner.workspaceId });
    const refused = await stats('', {}, member.cookies);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');

    expect((await stats('', {})).statusCode).toBe(401);
    const badToken = await stats('', { authorization: 'Bearer not-the-token-not-the-token-0000' });
    expect(badToken.statusCode).toBe(401);
    expect(badToken.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('lets operators read another workspace, and says 404 for one that does not exist', async () => {
    const owner = await createSignedInUser(stack.db.db, { role: 'owner' });
    expect((await stats(`?workspace_id=${owner.workspaceId}`)).json().workspace_id).toBe(owner.workspaceId);
    expect((await stats('?workspace_id=ws_nope')).statusCode).toBe(404);
  });

  it.each([
    ['?from=2026-02-30', 'from'],
    ['?from=yesterday', 'from'],
    ['?from=2026-03-05&to=2026-03-01', 'from'],
    ['?from=2024-01-01&to=2026-01-01', 'from'],
    ['?time_zone=Mars/Olympus', 'time_zone'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await stats(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.json().error.details)).toContain(field);
  });
});
