import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { workspaces } from '../../src/db/schema/index.js';
import { createTestStack, type TestStack } from '../support/stack.js';
import { createSignedInUser } from '../support/factories.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
  await stack.app.ready();
});
afterAll(() => stack?.close());

const put = (cookies: Record<string, string>, step: number | string, payload: unknown) =>
  stack.app.inject({ method: 'PUT', url: `/api/v1/onboarding/steps/${step}`, cookies, payload: payload as Record<string, unknown> });

const answers = {
  2: { industry: 'ecommerce', monthly_ad_spend: '5k_50k', team_size: '2_5', primary_market: 'SA' },
  3: { platforms: ['meta', 'google', 'tiktok', 'snapchat'] },
  4: { primary_kpi: 'ROAS', target_value: 3.5, currency: 'SAR', timezone: 'Asia/Riyadh' },
  5: { level: 'assisted', trust_threshold: 70 },
};

describe('onboarding wizard', () => {
  it('starts at step 1 with defaults, saves each step, resumes, and completes into the workspace settings', async () => {
    const u = await createSignedInUser(stack.db.db, { workspace: { name: 'Gulf Gadgets', currency: 'USD', timezone: 'UTC' } });
    const start = await stack.app.inject({ url: '/api/v1/onboarding', cookies: u.cookies });
    expect(start.statusCode).toBe(200);
    expect(start.json()).toMatchObject({ current_step: 1, completed: false, answers: {}, defaults: { automation: { level: 'assisted', trust_threshold: 70 } } });

    expect((await put(u.cookies, 1, {})).json().current_step).toBe(2);
    const afterBusiness = (await put(u.cookies, 2, answers[2])).json();
    expect(afterBusiness.current_step).toBe(3);
    // The market suggests the currency and zone for the goals step.
    expect(afterBusiness.defaults.goals).toMatchObject({ currency: 'SAR', timezone: 'Asia/Riyadh', primary_kpi: 'ROAS', target_value: 3 });

    await put(u.cookies, 3, answers[3]);
    // A reload resumes at step 4 with what was saved.
    const resumed = (await stack.app.inject({ url: '/api/v1/onboarding', cookies: u.cookies })).json();
    expect(resumed.current_step).toBe(4);
    expect(resumed.answers).toEqual({ business: answers[2], platforms: answers[3] });

    // Going back to change step 2 keeps the later answers and the furthest step.
    const back = (await put(u.cookies, 2, { ...answers[2], team_size: '6_20' })).json();
    expect(back.current_step).toBe(4);
    expect(back.answers.platforms).toEqual(answers[3]);

    await put(u.cookies, 4, answers[4]);
    await put(u.cookies, 5, answers[5]);
    const done = await stack.app.inject({ method: 'POST', url: '/api/v1/onboarding/complete', cookies: u.cookies });
    expect(done.statusCode).toBe(200);
    expect(done.json().completed).toBe(true);
    const [ws] = await stack.db.db.select().from(workspaces).where(eq(workspaces.id, u.workspaceId));
    expect([ws!.currency, ws!.timezone]).toEqual(['SAR', 'Asia/Riyadh']);
  });

  it('refuses to complete with steps missing, naming them', async () => {
    const u = await createSignedInUser(stack.db.db);
    await put(u.cookies, 2, answers[2]);
    const res = await stack.app.inject({ method: 'POST', url: '/api/v1/onboarding/complete', cookies: u.cookies });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ missing: ['platforms', 'goals', 'automation'] });
  });

  it.each<[string, number | string, unknown, string[]]>([
    ['an unknown industry', 2, { ...answers[2], industry: 'mining' }, ['industry']],
    ['an unknown country', 2, { ...answers[2], primary_market: 'XX' }, ['primary_market']],
    ['no platforms', 3, { platforms: [] }, ['platforms']],
    ['a platform twice', 3, { platforms: ['meta', 'meta'] }, ['platforms']],
    ['a negative target and a bad zone', 4, { ...answers[4], target_value: -1, timezone: 'Mars/Base' }, ['target_value', 'timezone']],
    ['a threshold over 100', 5, { level: 'autopilot', trust_threshold: 120 }, ['trust_threshold']],
  ])('rejects %s with 400 naming the fields', async (_name, step, body, paths) => {
    const u = await createSignedInUser(stack.db.db);
    const res = await put(u.cookies, step, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(paths);
  });

  it('rejects a step number out of range with 400', async () => {
    const u = await createSignedInUser(stack.db.db);
    expect((await put(u.cookies, 6, {})).statusCode).toBe(400);
    expect((await put(u.cookies, 'two', {})).statusCode).toBe(400);
  });

  it('needs a signed-in user, and a viewer cannot change anything', async () => {
    expect((await stack.app.inject('/api/v1/onboarding')).statusCode).toBe(401);
    const owner = await createSignedInUser(stack.db.db);
    const viewer = await createSignedInUser(stack.db.db, { role: 'viewer', workspaceId: owner.workspaceId });
    expect((await stack.app.inject({ url: '/api/v1/onboarding', cookies: viewer.cookies })).statusCode).toBe(200);
    const res = await put(viewer.cookies, 2, answers[2]);
    expect(res.statusCode).toBe(403);
  });

  it('keeps each workspace\'s answers to itself', async () => {
    const a = await createSignedInUser(stack.db.db);
    const b = await createSignedInUser(stack.db.db);
    await put(a.cookies, 2, answers[2]);
    const seenByB = (await stack.app.inject({ url: '/api/v1/onboarding', cookies: b.cookies })).json();
    expect(seenByB.answers).toEqual({});
    expect(seenByB.current_step).toBe(1);
  });
});

describe('onboarding answers edited later (Settings)', () => {
  const complete = async (cookies: Record<string, string>) => {
    for (const step of [2, 3, 4, 5] as const) expect((await put(cookies, step, answers[step])).statusCode).toBe(200);
    expect((await stack.app.inject({ method: 'POST', url: '/api/v1/onboarding/complete', cookies })).statusCode).toBe(200);
  };
  const workspaceOf = async (id: string) => (await stack.db.db.select().from(workspaces).where(eq(workspaces.id, id)))[0]!;
  const stateOf = async (cookies: Record<string, string>) => (await stack.app.inject({ url: '/api/v1/onboarding', cookies })).json();

  it('saves goals through the same route and moves the workspace currency and time zone with them', async () => {
    const u = await createSignedInUser(stack.db.db);
    await complete(u.cookies);
    const before = await stateOf(u.cookies);
    expect(before).toMatchObject({ completed: true, current_step: 5 });
    expect(await workspaceOf(u.workspaceId)).toMatchObject({ currency: 'SAR', timezone: 'Asia/Riyadh' });

    const goals = { primary_kpi: 'CPA', target_value: 42.5, currency: 'USD', timezone: 'Europe/London' };
    const res = await put(u.cookies, 4, goals);
    expect(res.statusCode).toBe(200);
    // Still complete, still where the wizard ended; only the goals changed.
    expect(res.json()).toMatchObject({ completed: true, current_step: 5, answers: { ...before.answers, goals } });
    expect(await workspaceOf(u.workspaceId)).toMatchObject({ currency: 'USD', timezone: 'Europe/London' });
    expect(await stateOf(u.cookies)).toMatchObject({ completed: true, current_step: 5, answers: { goals } });
  });

  it('saves the other sections without moving the wizard or touching the workspace', async () => {
    const u = await createSignedInUser(stack.db.db);
    await complete(u.cookies);
    const business = { ...answers[2], primary_market: 'AE', team_size: '20_plus' };
    const b = (await put(u.cookies, 2, business)).json();
    expect(b).toMatchObject({ completed: true, current_step: 5, answers: { business, goals: answers[4] } });
    const automation = { level: 'autopilot', trust_threshold: 85 };
    const a = (await put(u.cookies, 5, automation)).json();
    expect(a).toMatchObject({ completed: true, current_step: 5, answers: { automation, business } });
    // A new market does not silently change the saved goals or the workspace.
    expect(await workspaceOf(u.workspaceId)).toMatchObject({ currency: 'SAR', timezone: 'Asia/Riyadh' });
  });

  it('keeps every answer when several sections are saved at once', async () => {
    const u = await createSignedInUser(stack.db.db);
    await complete(u.cookies);
    const business = { ...answers[2], industry: 'agency' };
    const platforms = { platforms: ['google'] };
    const goals = { ...answers[4], target_value: 5 };
    const automation = { level: 'manual', trust_threshold: 55 };
    const results = await Promise.all([put(u.cookies, 2, business), put(u.cookies, 3, platforms), put(u.cookies, 4, goals), put(u.cookies, 5, automation)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect((await stateOf(u.cookies)).answers).toEqual({ business, platforms, goals, automation });
  });

  it('rejects bad goals with 400 naming the fields, and changes nothing', async () => {
    const u = await createSignedInUser(stack.db.db);
    await complete(u.cookies);
    const res = await put(u.cookies, 4, { primary_kpi: 'ROAS', target_value: 0, currency: 'usd', timezone: 'Europe/Nowhere' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['currency', 'target_value', 'timezone']);
    expect((await stateOf(u.cookies)).answers.goals).toEqual(answers[4]);
    expect(await workspaceOf(u.workspaceId)).toMatchObject({ currency: 'SAR', timezone: 'Asia/Riyadh' });
  });

  it('lets a viewer read the settings but not change them', async () => {
    const owner = await createSignedInUser(stack.db.db);
    await complete(owner.cookies);
    const viewer = await createSignedInUser(stack.db.db, { role: 'viewer', workspaceId: owner.workspaceId });
    expect(await stateOf(viewer.cookies)).toMatchObject({ completed: true, answers: { goals: answers[4] } });
    const res = await put(viewer.cookies, 4, { ...answers[4], currency: 'USD', timezone: 'Europe/London' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await stateOf(owner.cookies)).answers.goals).toEqual(answers[4]);
    expect(await workspaceOf(owner.workspaceId)).toMatchObject({ currency: 'SAR', timezone: 'Asia/Riyadh' });
  });

  it('never shows or changes another workspace: a save applies to the caller\'s own workspace only', async () => {
    const a = await createSignedInUser(stack.db.db);
    await complete(a.cookies);
    const b = await createSignedInUser(stack.db.db, { workspace: { name: 'Other Co', currency: 'EUR', timezone: 'Europe/Paris' } });
    // B sees nothing of A's answers...
    expect(await stateOf(b.cookies)).toMatchObject({ completed: false, current_step: 1, answers: {} });
    // ...and B's save (B's wizard is not complete) lands in B's workspace, not A's.
    expect((await put(b.cookies, 4, { ...answers[4], currency: 'USD', timezone: 'Europe/London' })).statusCode).toBe(200);
    expect((await stateOf(a.cookies)).answers.goals).toEqual(answers[4]);
    expect(await workspaceOf(a.workspaceId)).toMatchObject({ currency: 'SAR', timezone: 'Asia/Riyadh' });
    // An unfinished wizard's goals are not applied to the workspace until completion.
    expect(await workspaceOf(b.workspaceId)).toMatchObject({ currency: 'EUR', timezone: 'Europe/Paris' });
    // There is no way to name another workspace: the route takes its scope from the session.
    const smuggled = await stack.app.inject({
      method: 'PUT',
      url: `/api/v1/onboarding/steps/4?workspace_id=${a.workspaceId}`,
      cookies: b.cookies,
      payload: { ...answers[4], workspace_id: a.workspaceId, currency: 'JPY' },
    });
    expect(smuggled.statusCode).toBe(200);
    expect((await stateOf(b.cookies)).answers.goals).toEqual({ ...answers[4], currency: 'JPY' });
    expect((await stateOf(a.cookies)).answers.goals).toEqual(answers[4]);
  });
});
