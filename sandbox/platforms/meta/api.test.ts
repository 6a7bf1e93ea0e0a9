import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, getAll, graphError, harness, login, type Harness } from './testkit.js';

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await harness();
  token = await login(h.app);
});
afterAll(() => h.app.close());

const ACCOUNT_FIELDS = 'account_id,id,name,currency,timezone_name,account_status,amount_spent,business{id,name}';

describe('auth on Graph calls', () => {
  it('asks for a token when none is sent (code 104)', async () => {
    const res = await get(h.app, '/me', null);
    expect(res.statusCode).toBe(400);
    expect(graphError(res)).toMatchObject({ type: 'OAuthException', code: 104, fbtrace_id: expect.any(String) });
  });

  it('refuses an unknown token with 190 and a WWW-Authenticate header', async () => {
    const res = await get(h.app, '/me', 'EAAgarbage');
    expect(res.statusCode).toBe(400);
    expect(graphError(res)).toMatchObject({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
    expect(graphError(res).error_subcode).toBeUndefined();
    expect(res.headers['www-authenticate']).toMatch(/invalid_token/);
  });

  it('refuses an expired token with 190/463 and a revoked one with 190/460', async () => {
    const expired = await login(h.app);
    h.world.tokens.expireNow('meta', expired);
    expect(graphError(await get(h.app, '/me', expired))).toMatchObject({ code: 190, error_subcode: 463, message: expect.stringMatching(/^Error validating access token: Session has expired on/) });
    const revoked = await login(h.app);
    h.world.tokens.revoke('meta', revoked);
    expect(graphError(await get(h.app, '/me', revoked))).toMatchObject({ code: 190, error_subcode: 460 });
  });

  it('accepts the token as a Bearer header too', async () => {
    const res = await h.app.inject({ url: '/meta/graph/v25.0/me?fields=id,name', headers: { authorization: `Bearer ${token}` } });
    expect(res.json()).toEqual({ id: expect.stringMatching(/^\d+$/), name: 'Ahmed Al-Harbi' });
  });

  it('reaches only the ad accounts granted on the consent screen', async () => {
    const [first, second] = h.world.accountsOf('meta', 'ahmed');
    const narrow = await login(h.app, { accounts: () => [first!.id] });
    expect((await get(h.app, `/act_${first!.id}`, narrow)).statusCode).toBe(200);
    const denied = await get(h.app, `/act_${second!.id}/campaigns`, narrow);
    expect(denied.statusCode).toBe(400);
    expect(graphError(denied)).toMatchObject({ code: 200 });
    const lina = h.world.accountsOf('meta', 'lina')[0]!;
    expect(graphError(await get(h.app, `/act_${lina.id}/insights`, token))).toMatchObject({ code: 200 });
    const cmp = h.world.campaigns(lina)[0]!;
    expect(graphError(await get(h.app, `/${cmp.id}`, token))).toMatchObject({ type: 'GraphMethodException', code: 100, error_subcode: 33 });
  });

  it('answers the same on every version, and refuses a malformed one', async () => {
    const [a, b] = await Promise.all(['v23.0', 'v26.0'].map((v) => h.app.inject(`/meta/graph/${v}/me/adaccounts?fields=id,name&access_token=${token}`)));
    expect(a!.json().data).toEqual(b!.json().data);
    expect(graphError(await h.app.inject(`/meta/graph/v25/me?access_token=${token}`))).toMatchObject({ code: 2500 });
  });

  it('names the missing object on an unknown path', async () => {
    const res = await h.app.inject(`/meta/graph/v25.0/123/456/789?access_token=${token}`);
    expect(res.statusCode).toBe(400);
    expect(graphError(res)).toMatchObject({ type: 'GraphMethodException', code: 100, error_subcode: 33 });
  });
});

describe('account discovery', () => {
  it('GET /me gives the person', async () => {
    expect((await get(h.app, '/me', token)).json()).toEqual({ id: expect.stringMatching(/^\d+$/), name: 'Ahmed Al-Harbi' });
  });

  it('GET /me/adaccounts lists the granted accounts in Graph\'s field names and units', async () => {
    const res = await get(h.app, '/me/adaccounts', token, { fields: ACCOUNT_FIELDS });
    expect(res.statusCode).toBe(200);
    const rows = res.json().data as Array<Record<string, unknown>>;
    const own = h.world.accountsOf('meta', 'ahmed');
    expect(rows.map((r) => r.account_id)).toEqual(own.map((a) => a.id));
    const usd = own.find((a) => a.currency === 'USD')!;
    expect(rows.find((r) => r.account_id === usd.id)).toEqual({
      account_id: usd.id,
      id: `act_${usd.id}`,
      name: usd.name,
      currency: 'USD',
      timezone_name: usd.timeZone,
      account_status: 1,
      amount_spent: expect.stringMatching(/^\d+$/),
      business: { id: expect.stringMatching(/^\d+$/), name: usd.business },
    });
  });

  it('pages accounts with cursors; next is absent on the last page', async () => {
    const first = (await get(h.app, '/me/adaccounts', token, { limit: '1' })).json();
    expect(first.data).toHaveLength(1);
    expect(first.data[0]).toEqual({ account_id: expect.any(String), id: expect.stringMatching(/^act_/) });
    expect(first.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
    expect(first.paging.next).toMatch(/^http:\/\/.+\/meta\/graph\/v25\.0\/me\/adaccounts\?.*after=/);
    const all = await getAll(h.app, '/me/adaccounts', token, { limit: '1' });
    expect(all.rows).toHaveLength(h.world.accountsOf('meta', 'ahmed').length);
    expect(new Set(all.rows.map((r) => r.id)).size).toBe(all.rows.length);
  });

  it('refuses a tampered cursor with code 2642', async () => {
    const first = (await get(h.app, '/me/adaccounts', token, { limit: '1' })).json();
    const forged = first.paging.cursors.after.slice(0, -2) + 'xx';
    expect(graphError(await get(h.app, '/me/adaccounts', token, { limit: '1', after: forged }))).toMatchObject({ code: 2642 });
  });

  it('reads an account node and refuses unknown fields with code 100', async () => {
    const acc = h.world.accountsOf('meta', 'ahmed')[0]!;
    expect((await get(h.app, `/act_${acc.id}`, token)).json()).toEqual({ account_id: acc.id, id: `act_${acc.id}` });
    const res = await get(h.app, `/act_${acc.id}`, token, { fields: 'name,frobnicate' });
    expect(graphError(res)).toMatchObject({ code: 100, message: '(#100) Tried accessing nonexisting field (frobnicate) on node type (AdAccount)' });
    const ok = await get(h.app, `/act_${acc.id}`, token, { fields: 'name' });
    expect(JSON.parse(String(ok.headers['x-business-use-case-usage']))[acc.id][0]).toMatchObject({ type: 'ads_management', estimated_time_to_regain_access: 0 });
  });

  it('lists the account\'s pixels', async () => {
    const acc = h.world.accountsOf('meta', 'ahmed')[0]!;
    const res = await get(h.app, `/act_${acc.id}/adspixels`, token, { fields: 'id,name' });
    expect(res.json().data).toEqual(h.world.pixels(acc).map((p) => ({ id: p.id, name: p.name })));
  });

  it('reports Event Match Quality per pixel and event through the dataset quality API', async () => {
    const acc = h.world.accountsOf('meta', 'ahmed')[0]!;
    const pixel = h.world.pixels(acc)[0]!;
    const res = await get(h.app, '/dataset_quality', token, { dataset_id: pixel.id, fields: 'web{event_name,event_match_quality{composite_score}}' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      web: Object.entries(pixel.matchQuality).map(([event_name, score]) => ({ event_name, event_match_quality: { composite_score: score } })),
    });
  });
});
