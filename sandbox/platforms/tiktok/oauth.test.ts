import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { World } from '../../world/index.js';
import { APP_ID, CONSENT, REDIRECT, get, post, tiktokSandbox } from './test-support.js';

let app: FastifyInstance;
let world: World;
let clock: Awaited<ReturnType<typeof tiktokSandbox>>['clock'];
// One sandbox for the file: every test works with times relative to the (movable) clock.
beforeAll(async () => ({ app, world, clock } = await tiktokSandbox()));
afterAll(() => app.close());

const authorizeUrl = (extra: Record<string, string> = {}) =>
  `${CONSENT}?${new URLSearchParams({ app_id: APP_ID, state: 'st-123', redirect_uri: REDIRECT, ...extra }).toString()}`;

const hiddenFields = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));

/** Presses a button on the consent page the way the browser posts the form. */
async function decide(html: string, decision: 'allow' | 'deny', accounts?: string[], url = CONSENT) {
  const body = new URLSearchParams(hiddenFields(html));
  const ticked = accounts ?? [...html.matchAll(/name="account" value="(\d+)" checked/g)].map((m) => m[1]!);
  for (const id of ticked) body.append('account', id);
  body.set('decision', decision);
  return app.inject({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

async function authCode(person = 'ahmed', accounts?: string[]) {
  const page = await app.inject(authorizeUrl({ sandbox_person: person }));
  const res = await decide(page.body, 'allow', accounts);
  expect(res.statusCode).toBe(302);
  return new URL(String(res.headers.location)).searchParams.get('auth_code')!;
}

const exchange = (code: string, extra: Record<string, unknown> = {}) => post(app, null, '/oauth2/access_token/', { app_id: APP_ID, secret: 'app-secret', auth_code: code, ...extra });

describe('TikTok advertiser authorization page', () => {
  it('shows the person, the scopes in plain words, and their ad accounts ticked', async () => {
    const res = await app.inject(authorizeUrl());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('Stratum wants to access your TikTok For Business account');
    expect(res.body).toContain('Continue as Ahmed Al-Harbi');
    expect(res.body).toContain('name="decision" value="deny"');
    expect(res.body).toContain('Reporting');
    for (const a of world.accountsOf('tiktok', 'ahmed')) {
      expect(res.body).toContain(`name="account" value="${a.id}" checked`);
      expect(res.body).toContain(a.currency);
    }
    expect(hiddenFields(res.body)).toEqual({ app_id: APP_ID, redirect_uri: REDIRECT, state: 'st-123', sandbox_person: 'ahmed' });
    expect(res.body).toMatch(/Not you\?.*sandbox_person=lina/);
  });

  it('signs in as another person with sandbox_person and lists their accounts', async () => {
    const res = await app.inject(authorizeUrl({ sandbox_person: 'lina' }));
    expect(res.body).toContain('Continue as Lina Haddad');
    const ids = [...res.body.matchAll(/name="account" value="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(world.accountsOf('tiktok', 'lina').map((a) => a.id));
  });

  it('is also served at business-api.tiktok.com/portal/auth', async () => {
    const res = await app.inject(authorizeUrl().replace(CONSENT, '/tiktok/business-api/portal/auth'));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="decision" value="allow"');
  });

  it.each([
    ['no app_id', { app_id: '' }],
    ['no redirect_uri', { redirect_uri: '' }],
    ['a relative redirect_uri', { redirect_uri: '/callback' }],
    ['an unknown person', { sandbox_person: 'nobody' }],
  ])('refuses %s with an error page of its own, never a redirect', async (_label, extra) => {
    const res = await app.inject(authorizeUrl(extra));
    expect(res.statusCode).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });

  it('Cancel sends the app access_denied with its state', async () => {
    const page = await app.inject(authorizeUrl());
    const res = await decide(page.body, 'deny');
    expect(res.statusCode).toBe(302);
    const back = new URL(String(res.headers.location));
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-123');
    expect(back.searchParams.get('auth_code')).toBeNull();
  });

  it('refuses an account the person does not own, and an empty choice', async () => {
    const page = await app.inject(authorizeUrl());
    const lina = world.accountsOf('tiktok', 'lina')[0]!;
    expect((await decide(page.body, 'allow', [lina.id])).statusCode).toBe(400);
    expect((await decide(page.body, 'allow', [])).statusCode).toBe(400);
  });
});

describe('TikTok token exchange', () => {
  it('round trip: Continue → auth_code and code with state → long-term token for the ticked accounts only', async () => {
    const scale = world.accountsOf('tiktok', 'scale');
    const page = await app.inject(authorizeUrl({ sandbox_person: 'scale' }));
    const all = [...page.body.matchAll(/name="account" value="(\d+)"/g)].map((m) => m[1]!);
    expect(all).toEqual(scale.map((a) => a.id));
    const res = await decide(page.body, 'allow', [all[0]!]);
    const back = new URL(String(res.headers.location));
    expect(back.searchParams.get('state')).toBe('st-123');
    const code = back.searchParams.get('auth_code')!;
    expect(back.searchParams.get('code')).toBe(code);

    const { res: tokenRes, body } = await exchange(code);
    expect(tokenRes.statusCode).toBe(200);
    expect(body).toMatchObject({ code: 0, message: 'OK', data: { advertiser_ids: [all[0]], scope: [1, 2, 4, 5] } });
    expect(body.request_id).toMatch(/^\d{14}[0-9A-F]+$/);
    const token = String(body.data.access_token);
    expect(body.data).not.toHaveProperty('refresh_token');

    // Long-term: still good a year later, and it lists only the granted advertiser.
    clock.advanceDays(365);
    const listed = await get<{ list: Array<{ advertiser_id: string; advertiser_name: string }> }>(app, token, '/oauth2/advertiser/get/', { app_id: APP_ID, secret: 'app-secret' });
    expect(listed.body.code).toBe(0);
    expect(listed.body.data.list).toEqual([{ advertiser_id: all[0], advertiser_name: scale[0]!.name }]);
  });

  it('a code works once; a replay is refused', async () => {
    const code = await authCode();
    expect((await exchange(code)).body.code).toBe(0);
    const replay = await exchange(code);
    expect(replay.res.statusCode).toBe(200);
    expect(replay.body).toMatchObject({ code: 40110, data: {} });
    expect(replay.body.message).toMatch(/already been used/);
  });

  it('refuses another app or a different redirect_uri, and the code still works for its own app', async () => {
    const code = await authCode();
    expect((await post(app, null, '/oauth2/access_token/', { app_id: '7999', secret: 'x', auth_code: code })).body.code).toBe(40110);
    expect((await exchange(code, { redirect_uri: 'https://evil.example/cb' })).body.code).toBe(40110);
    expect((await exchange(code, { redirect_uri: REDIRECT })).body.code).toBe(0);
  });

  it('refuses a code after its 10 minutes', async () => {
    const code = await authCode();
    clock.set(new Date(world.now().getTime() + 11 * 60_000).toISOString());
    const res = await exchange(code);
    expect(res.body.code).toBe(40110);
    expect(res.body.message).toMatch(/expired/);
  });

  it.each([
    ['no secret', { secret: undefined }],
    ['no auth_code', { auth_code: undefined }],
    ['an empty secret', { secret: '' }],
  ])('answers %s with the parameter error', async (_l, extra) => {
    const res = await exchange('whatever', extra);
    expect(res.body.code).toBe(40002);
  });

  it('revoke_token ends the token', async () => {
    const { body } = await exchange(await authCode());
    const token = String(body.data.access_token);
    const revoked = await post(app, null, '/oauth2/revoke_token/', { app_id: APP_ID, secret: 'app-secret', access_token: token });
    expect(revoked.body).toMatchObject({ code: 0, message: 'OK' });
    const after = await get(app, token, '/oauth2/advertiser/get/', { app_id: APP_ID, secret: 'app-secret' });
    expect(after.body.code).toBe(40105);
    expect((await post(app, null, '/oauth2/revoke_token/', { app_id: APP_ID, secret: 'app-secret', access_token: 'nope' })).body.code).toBe(40105);
  });
});
