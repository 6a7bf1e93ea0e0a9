import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { World } from '../../world/index.js';
import { ADWORDS, authorizeParams, challenge, CLIENT, consent, exchange, form, REDIRECT, sandbox, verifier } from './test-support.js';

let app: FastifyInstance;
let world: World;
let clock: Awaited<ReturnType<typeof sandbox>>['clock'];

beforeAll(async () => {
  ({ app, world, clock } = await sandbox());
});
afterAll(() => app.close());

describe('Google Ads consent screen', () => {
  it("lists the person's accounts as information and offers Continue and Cancel", async () => {
    const { page } = await consent(app, authorizeParams());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Stratum wants to access your Google Ads API (REST) account');
    expect(page.body).toContain('Continue as Ahmed Al-Harbi');
    expect(page.body).toContain('See, edit, create and delete your Google Ads accounts and data.');
    for (const a of world.accountsOf('google', 'ahmed')) expect(page.body).toContain(a.id.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1-$2-$3'));
    // Google lets nobody pick accounts: no checkboxes, every account is granted.
    expect(page.body).not.toContain('type="checkbox"');
    expect(page.body).toMatch(/name="decision" value="allow"/);
    expect(page.body).toMatch(/name="decision" value="deny"/);
    expect(page.body).toContain('name="sandbox_person" value="ahmed"');
    expect(page.body).toContain('sandbox_person=lina');
  });

  it('shows the manager an agency reaches its clients through', async () => {
    const { page } = await consent(app, authorizeParams({ sandbox_person: 'lina' }));
    expect(page.body).toContain('Continue as Lina Haddad');
    expect(page.body).toContain('via Gulf Growth Agency MCC');
  });

  it.each([
    ['no client_id', { client_id: '' }, 'Missing required parameter: client_id'],
    ['no redirect_uri', { redirect_uri: '' }, 'Missing required parameter: redirect_uri'],
    ['a relative redirect_uri', { redirect_uri: '/cb' }, 'redirect_uri_mismatch'],
    ['another response_type', { response_type: 'token' }, 'Invalid response_type'],
    ['an unknown scope', { scope: `${ADWORDS} https://www.googleapis.com/auth/drive` }, 'invalid_scope'],
    ['a bad code_challenge_method', { code_challenge: challenge, code_challenge_method: 'S512' }, 'code_challenge_method'],
    ['an unknown person', { sandbox_person: 'nobody' }, 'sandbox_person'],
  ])('answers %s with an error page, never a redirect', async (_name, over, text) => {
    const { page } = await consent(app, authorizeParams(over));
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(text);
  });

  it('sends access_denied with the state on Cancel', async () => {
    const { location } = await consent(app, authorizeParams(), 'deny');
    expect(location!.origin + location!.pathname).toBe(REDIRECT);
    expect(Object.fromEntries(location!.searchParams)).toEqual({ error: 'access_denied', state: 'st-123' });
  });
});

describe('Google OAuth token endpoint (Ads flow)', () => {
  it('exchanges a code for an access token and a refresh token, once', async () => {
    const { location } = await consent(app, authorizeParams());
    expect(location!.searchParams.get('state')).toBe('st-123');
    expect(location!.searchParams.get('scope')).toBe(ADWORDS);
    const code = location!.searchParams.get('code')!;
    expect(code).toMatch(/^4\/0/);
    const res = await exchange(app, code);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ expires_in: 3599, scope: ADWORDS, token_type: 'Bearer' });
    expect(body.access_token).toMatch(/^ya29\./);
    expect(body.refresh_token).toMatch(/^1\/\/0/);
    const grant = world.tokens.check('google', body.access_token, 'access');
    expect(grant.ok && grant.grant.accountIds).toEqual(world.accountsOf('google', 'ahmed').map((a) => a.id));

    const replay = await exchange(app, code);
    expect([replay.statusCode, replay.json()]).toEqual([400, { error: 'invalid_grant', error_description: 'Bad Request' }]);
  });

  it('gives a refresh token only on first offline consent or when prompt=consent forces it', async () => {
    const first = await consent(app, authorizeParams({ sandbox_person: 'scale', prompt: 'select_account' }));
    expect((await exchange(app, first.location!.searchParams.get('code')!)).json().refresh_token).toBeTruthy();
    const again = await consent(app, authorizeParams({ sandbox_person: 'scale', prompt: 'select_account' }));
    expect((await exchange(app, again.location!.searchParams.get('code')!)).json().refresh_token).toBeUndefined();
    const online = await consent(app, authorizeParams({ sandbox_person: 'lina', access_type: 'online' }));
    expect((await exchange(app, online.location!.searchParams.get('code')!)).json().refresh_token).toBeUndefined();
  });

  it('refreshes, and refuses a revoked refresh token with invalid_grant', async () => {
    const { location } = await consent(app, authorizeParams());
    const { refresh_token: refresh, access_token: first } = (await exchange(app, location!.searchParams.get('code')!)).json();
    const res = await app.inject({ method: 'POST', url: '/google/oauth2/token', ...form({ grant_type: 'refresh_token', refresh_token: refresh, client_id: CLIENT.id, client_secret: CLIENT.secret }) });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
    expect(res.json().access_token).not.toBe(first);

    const other = await app.inject({ method: 'POST', url: '/google/oauth2/token', ...form({ grant_type: 'refresh_token', refresh_token: refresh, client_id: 'other', client_secret: 's' }) });
    expect([other.statusCode, other.json().error]).toEqual([401, 'unauthorized_client']);

    const revoke = await app.inject({ method: 'POST', url: `/google/oauth2/revoke?token=${encodeURIComponent(first)}` });
    expect(revoke.statusCode).toBe(200);
    expect(world.tokens.check('google', refresh, 'refresh')).toEqual({ ok: false, reason: 'revoked' });
    const after = await app.inject({ method: 'POST', url: '/google/oauth2/token', ...form({ grant_type: 'refresh_token', refresh_token: refresh, client_id: CLIENT.id, client_secret: CLIENT.secret }) });
    expect([after.statusCode, after.json()]).toEqual([400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }]);
    const again = await app.inject({ method: 'POST', url: `/google/oauth2/revoke?token=${encodeURIComponent(first)}` });
    expect([again.statusCode, again.json().error]).toEqual([400, 'invalid_token']);
  });

  it.each<[string, Record<string, string>, number, Record<string, string>]>([
    ['another redirect_uri', { redirect_uri: 'https://app.stratum.test/other' }, 400, { error: 'redirect_uri_mismatch', error_description: 'Bad Request' }],
    ['another client', { client_id: 'someone-else' }, 400, { error: 'invalid_grant', error_description: 'Bad Request' }],
    ['no client secret', { client_secret: '' }, 400, { error: 'invalid_request', error_description: 'client_secret is missing.' }],
    ['no PKCE verifier', { code_verifier: '' }, 400, { error: 'invalid_grant', error_description: 'Missing code verifier.' }],
    ['a wrong PKCE verifier', { code_verifier: 'w'.repeat(43) }, 400, { error: 'invalid_grant', error_description: 'Invalid code verifier.' }],
    ['an unknown grant type', { grant_type: 'password' }, 400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: password' }],
  ])('refuses a code exchange with %s', async (_name, over, status, body) => {
    const { location } = await consent(app, authorizeParams({ code_challenge: challenge, code_challenge_method: 'S256' }));
    const res = await exchange(app, location!.searchParams.get('code')!, { code_verifier: verifier, ...over });
    expect([res.statusCode, res.json()]).toEqual([status, body]);
  });

  it('accepts the right PKCE verifier and HTTP Basic client credentials', async () => {
    const { location } = await consent(app, authorizeParams({ code_challenge: challenge, code_challenge_method: 'S256' }));
    const res = await app.inject({
      method: 'POST',
      url: '/google/oauth2/token',
      payload: new URLSearchParams({ grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}` },
    });
    expect(res.statusCode).toBe(200);
  });

  it('lets a code expire after ten minutes', async () => {
    const { location } = await consent(app, authorizeParams());
    clock.set(new Date(clock.now().getTime() + 11 * 60_000).toISOString());
    const res = await exchange(app, location!.searchParams.get('code')!);
    expect([res.statusCode, res.json().error]).toEqual([400, 'invalid_grant']);
  });
});
