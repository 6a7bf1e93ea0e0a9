import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, CLIENT_ID, consentForm, DIALOG, exchange, get, graphError, GRAPH, harness, login, postForm, REDIRECT_URI, type Harness } from './testkit.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.app.close());

const authorizeQuery = (over: Record<string, string> = {}) =>
  new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, state: 'abc', scope: 'ads_management,ads_read,business_management', response_type: 'code', ...over });

describe('Facebook Login dialog', () => {
  it('shows the person, the scopes in plain words and their ad accounts, all checked', async () => {
    const res = await h.app.inject(`${DIALOG}?${authorizeQuery()}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('Stratum wants to access your Meta (Facebook/Instagram Marketing API) account');
    expect(res.body).toContain('Continue as Ahmed Al-Harbi');
    expect(res.body).toContain('Cancel');
    expect(res.body).toMatch(/ads_management<\/strong>: Create, change, pause/);
    const { hidden, accounts } = consentForm(res.body);
    const own = h.world.accountsOf('meta', 'ahmed').map((a) => a.id);
    expect(accounts).toEqual(own);
    expect(res.body.match(/name="account" value="\d+" checked/g)).toHaveLength(own.length);
    expect(hidden).toMatchObject({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, state: 'abc', response_type: 'code', sandbox_person: 'ahmed' });
    expect(res.body).toMatch(/name="decision" value="allow"/);
    expect(res.body).toMatch(/name="decision" value="deny"/);
  });

  it('offers the other people under "Not you?" and shows another person on request', async () => {
    const res = await h.app.inject(`${DIALOG}?${authorizeQuery({ sandbox_person: 'lina' })}`);
    expect(res.body).toContain('Continue as Lina Haddad');
    expect(res.body).toContain('Not you?');
    expect(res.body).toContain('sandbox_person=ahmed');
    expect(consentForm(res.body).accounts).toEqual(h.world.accountsOf('meta', 'lina').map((a) => a.id));
  });

  it.each([
    ['client_id', { client_id: '' }],
    ['redirect_uri', { redirect_uri: 'not a url' }],
    ['redirect_uri', { redirect_uri: 'javascript:alert(1)' }],
    ['response_type', { response_type: 'token' }],
    ['scope', { scope: 'ads_management,do_anything' }],
    ['person', { sandbox_person: 'nobody' }],
  ])('answers a bad %s with a 400 page and never redirects', async (_what, over) => {
    const q = authorizeQuery(over);
    if ((over as Record<string, string>).client_id === '') q.delete('client_id');
    const res = await h.app.inject(`${DIALOG}?${q}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });

  it('Cancel redirects with Facebook\'s error parameters and the state', async () => {
    const page = await h.app.inject(`${DIALOG}?${authorizeQuery()}`);
    const res = await postForm(h.app, DIALOG, { ...consentForm(page.body).hidden, decision: 'deny' });
    expect(res.statusCode).toBe(302);
    const url = new URL(String(res.headers.location));
    expect(url.origin + url.pathname).toBe(REDIRECT_URI);
    expect(Object.fromEntries(url.searchParams)).toEqual({ error: 'access_denied', error_code: '200', error_description: 'Permissions error', error_reason: 'user_denied', state: 'abc' });
    expect(url.hash).toBe('#_=_');
  });

  it('refuses an account the person does not own', async () => {
    const page = await h.app.inject(`${DIALOG}?${authorizeQuery()}`);
    const lina = h.world.accountsOf('meta', 'lina')[0]!.id;
    const res = await postForm(h.app, DIALOG, { ...consentForm(page.body).hidden, account: [lina], decision: 'allow' });
    expect(res.statusCode).toBe(400);
  });
});

describe('code exchange and tokens', () => {
  it('Continue redirects with a code and the state; the code buys a short-lived token once', async () => {
    const { code, location } = await authorize(h.app, { state: 'csrf-1' });
    expect(location.searchParams.get('state')).toBe('csrf-1');
    expect(code).toMatch(/^AQ/);
    const first = await exchange(h.app, code);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ access_token: expect.stringMatching(/^EAA/), token_type: 'bearer', expires_in: 5400 });
    const again = await exchange(h.app, code);
    expect(again.statusCode).toBe(400);
    expect(graphError(again)).toMatchObject({ type: 'OAuthException', code: 100, error_subcode: 36009, message: 'This authorization code has been used.' });
  });

  it('refuses a code redeemed with another redirect_uri or by another app, and keeps it usable', async () => {
    const { code } = await authorize(h.app);
    const wrongUri = await exchange(h.app, code, 'http://localhost:3000/elsewhere');
    expect(graphError(wrongUri)).toMatchObject({ code: 100, error_subcode: 36008 });
    const q = new URLSearchParams({ client_id: '999', client_secret: 's', redirect_uri: REDIRECT_URI, code });
    expect(graphError(await h.app.inject(`${GRAPH}/oauth/access_token?${q}`))).toMatchObject({ code: 101 });
    expect((await exchange(h.app, code)).statusCode).toBe(200);
  });

  it('refuses an expired code, an unknown code and a missing secret', async () => {
    const { code } = await authorize(h.app);
    h.clock.set(new Date(h.world.now().getTime() + 11 * 60_000).toISOString());
    expect(graphError(await exchange(h.app, code))).toMatchObject({ code: 100, error_subcode: 36007 });
    expect(graphError(await exchange(h.app, 'AQnothing'))).toMatchObject({ code: 100, message: 'Invalid verification code format.' });
    const q = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, code: 'x' });
    expect(graphError(await h.app.inject(`${GRAPH}/oauth/access_token?${q}`))).toMatchObject({ code: 1, message: 'Error validating client secret.' });
  });

  it('exchanges a short-lived token for a 60-day one (also by POST form); there is no refresh token', async () => {
    const short = await login(h.app);
    const q = { grant_type: 'fb_exchange_token', client_id: CLIENT_ID, client_secret: 'app-secret', fb_exchange_token: short };
    const res = await postForm(h.app, `${GRAPH}/oauth/access_token`, q);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({ access_token: expect.stringMatching(/^EAA/), token_type: 'bearer', expires_in: 5_184_000 });
    expect(body.refresh_token).toBeUndefined();
    expect((await get(h.app, '/me', body.access_token)).json()).toMatchObject({ name: 'Ahmed Al-Harbi' });
  });

  it('debug_token describes a token to its app', async () => {
    const token = await login(h.app, { accounts: (all) => all.slice(0, 1) });
    const res = await get(h.app, '/debug_token', `${CLIENT_ID}|app-secret`, { input_token: token });
    expect(res.json().data).toMatchObject({
      app_id: CLIENT_ID,
      type: 'USER',
      is_valid: true,
      scopes: ['ads_management', 'ads_read', 'business_management'],
      user_id: expect.stringMatching(/^\d+$/),
      granular_scopes: expect.arrayContaining([{ scope: 'ads_read', target_ids: [h.world.accountsOf('meta', 'ahmed')[0]!.id] }]),
    });
    const bad = await get(h.app, '/debug_token', `${CLIENT_ID}|app-secret`, { input_token: 'EAAnope' });
    expect(bad.json().data).toMatchObject({ is_valid: false, error: { code: 190 } });
  });

  it('DELETE /me/permissions removes the app: every token of that login then fails with 190/458', async () => {
    const short = await login(h.app);
    const q = new URLSearchParams({ grant_type: 'fb_exchange_token', client_id: CLIENT_ID, client_secret: 's', fb_exchange_token: short });
    const long = (await h.app.inject(`${GRAPH}/oauth/access_token?${q}`)).json().access_token as string;
    const res = await h.app.inject({ method: 'DELETE', url: `${GRAPH}/me/permissions?access_token=${long}` });
    expect(res.json()).toEqual({ success: true });
    for (const t of [long, short]) {
      const after = await get(h.app, '/me', t);
      expect(after.statusCode).toBe(400);
      expect(graphError(after)).toMatchObject({ type: 'OAuthException', code: 190, error_subcode: 458 });
    }
  });
});
