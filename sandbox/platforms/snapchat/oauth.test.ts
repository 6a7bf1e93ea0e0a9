import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, API, authorizeQuery, bearer, consent, exchange, harness, readConsentForm, REDIRECT, type Harness } from './test-support.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.app.close());

const authorizeUrl = (q: Record<string, string>) => `${ACCOUNTS}/login/oauth2/authorize?${new URLSearchParams(q).toString()}`;

async function codeFor(extra: Record<string, string> = {}, pick?: (a: string[]) => string[]) {
  const loc = await consent(h.app, authorizeQuery(extra), 'allow', pick);
  return loc.searchParams.get('code')!;
}

const codeGrant = (code: string, extra: Array<[string, string]> = []): Array<[string, string]> => [
  ['grant_type', 'authorization_code'],
  ['client_id', 'stratum-client'],
  ['client_secret', 's3cret'],
  ['code', code],
  ['redirect_uri', REDIRECT],
  ...extra,
];

describe('Snapchat consent screen', () => {
  it('shows the person, the scopes in plain words and their ad accounts, all checked', async () => {
    const res = await h.app.inject(authorizeUrl(authorizeQuery()));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('Stratum wants to access your Snapchat Marketing API v1 and Conversions API v3 account');
    expect(res.body).toContain('Continue as Ahmed Al-Harbi');
    expect(res.body).toContain('Cancel');
    expect(res.body).toContain('campaigns, ad squads and ads');
    const ahmeds = h.world.accountsOf('snapchat', 'ahmed');
    const f = readConsentForm(res.body);
    expect(f.accounts).toEqual(ahmeds.map((a) => a.id));
    for (const a of ahmeds) expect(res.body).toContain(a.currency);
    expect(f.hidden).toMatchObject({ client_id: 'stratum-client', redirect_uri: REDIRECT, response_type: 'code', state: 'st-123', sandbox_person: 'ahmed' });
    expect(res.body).toMatch(/Not you\?.*sandbox_person=lina/s);
  });

  it('switches person with sandbox_person', async () => {
    const res = await h.app.inject(authorizeUrl(authorizeQuery({ sandbox_person: 'lina' })));
    expect(readConsentForm(res.body).accounts).toEqual(h.world.accountsOf('snapchat', 'lina').map((a) => a.id));
  });

  it.each([
    ['no client_id', { client_id: '' }],
    ['a relative redirect_uri', { redirect_uri: '/callback' }],
    ['response_type token', { response_type: 'token' }],
    ['an unknown scope', { scope: 'snapchat-marketing-api everything' }],
    ['a short code_challenge', { code_challenge: 'abc' }],
  ])('refuses %s with an HTML error page and no redirect', async (_name, extra) => {
    const res = await h.app.inject(authorizeUrl(authorizeQuery(extra)));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers.location).toBeUndefined();
  });

  it('sends the person back with access_denied and the state on Cancel', async () => {
    const loc = await consent(h.app, authorizeQuery(), 'deny');
    expect(`${loc.origin}${loc.pathname}`).toBe(REDIRECT);
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('state')).toBe('st-123');
    expect(loc.searchParams.get('code')).toBeNull();
  });

  it('refuses an account the person does not own', async () => {
    const lina = h.world.accountsOf('snapchat', 'lina')[0]!.id;
    const page = await h.app.inject(authorizeUrl(authorizeQuery()));
    const f = readConsentForm(page.body);
    const res = await h.app.inject({
      method: 'POST',
      url: f.action,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([...Object.entries(f.hidden), ['account', lina], ['decision', 'allow']]).toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('cannot share');
  });
});

describe('Snapchat token endpoint', () => {
  it('exchanges a code once for a 30-minute access token and a refresh token that reach only the chosen accounts', async () => {
    const [first] = h.world.accountsOf('snapchat', 'ahmed');
    const code = await codeFor({}, (all) => all.slice(0, 1));
    const res = await exchange(h.app, codeGrant(code));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 1800, scope: 'snapchat-marketing-api' });
    expect(typeof body.access_token).toBe('string');
    expect(typeof body.refresh_token).toBe('string');
    const orgs = await h.app.inject({ url: `${API}/v1/me/organizations?with_ad_accounts=true`, headers: bearer(body.access_token) });
    const ids = orgs.json().organizations.flatMap((o: { organization: { ad_accounts: Array<{ id: string }> } }) => o.organization.ad_accounts.map((a) => a.id));
    expect(ids).toEqual([first!.id]);

    const replay = await exchange(h.app, codeGrant(code));
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error).toBe('invalid_grant');
    // A replayed code revokes what it produced.
    const after = await h.app.inject({ url: `${API}/v1/me`, headers: bearer(body.access_token) });
    expect(after.statusCode).toBe(401);
  });

  it('refreshes: a new access token, the same refresh token', async () => {
    const tokens = (await exchange(h.app, codeGrant(await codeFor()))).json();
    const res = await exchange(h.app, [
      ['grant_type', 'refresh_token'],
      ['client_id', 'stratum-client'],
      ['client_secret', 's3cret'],
      ['refresh_token', tokens.refresh_token],
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.access_token).not.toBe(tokens.access_token);
    expect(body.refresh_token).toBe(tokens.refresh_token);
    expect(body.expires_in).toBe(1800);
    expect((await h.app.inject({ url: `${API}/v1/me`, headers: bearer(body.access_token) })).statusCode).toBe(200);

    const other = await exchange(h.app, [
      ['grant_type', 'refresh_token'],
      ['client_id', 'someone-else'],
      ['client_secret', 'x'],
      ['refresh_token', tokens.refresh_token],
    ]);
    expect(other.json().error).toBe('invalid_grant');
  });

  it('accepts client credentials by HTTP Basic', async () => {
    const code = await codeFor();
    const res = await h.app.inject({
      method: 'POST',
      url: `${ACCOUNTS}/login/oauth2/access_token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('stratum-client:s3cret').toString('base64')}` },
      payload: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }).toString(),
    });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['a wrong redirect_uri', (code: string) => codeGrant(code).map(([k, v]): [string, string] => [k, k === 'redirect_uri' ? 'https://evil.test/cb' : v]), 400, 'invalid_grant'],
    ['another client', (code: string) => codeGrant(code).map(([k, v]): [string, string] => [k, k === 'client_id' ? 'other-client' : v]), 400, 'invalid_grant'],
    ['no client secret', (code: string) => codeGrant(code).filter(([k]) => k !== 'client_secret'), 401, 'invalid_client'],
    ['an unknown code', () => codeGrant('not-a-code'), 400, 'invalid_grant'],
    ['an unsupported grant type', (code: string) => codeGrant(code).map(([k, v]): [string, string] => [k, k === 'grant_type' ? 'password' : v]), 400, 'unsupported_grant_type'],
  ])('refuses %s in RFC 6749 shape', async (_name, build, status, error) => {
    const res = await exchange(h.app, build(await codeFor()));
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ error, error_description: expect.any(String) });
  });

  it('refuses an expired code (10 minutes)', async () => {
    const code = await codeFor();
    h.clock.set(new Date(h.world.now().getTime() + 11 * 60_000).toISOString());
    const res = await exchange(h.app, codeGrant(code));
    expect(res.json().error).toBe('invalid_grant');
  });

  it('checks a PKCE verifier when the code was issued with a challenge', async () => {
    const verifier = 'v'.repeat(20) + 'erifier-0123456789-abcdefghijkl';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const code = await codeFor({ code_challenge: challenge, code_challenge_method: 'S256' });
    expect((await exchange(h.app, codeGrant(code, [['code_verifier', 'wrong'.repeat(10)]]))).json().error).toBe('invalid_grant');
    const ok = await exchange(h.app, codeGrant(code, [['code_verifier', verifier]]));
    expect(ok.statusCode).toBe(200);
  });
});
