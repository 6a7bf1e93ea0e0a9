import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { World, WorldAccount } from '../../world/index.js';
import { API, APP_ID, get, tiktokSandbox, tokenFor } from './test-support.js';

let app: FastifyInstance;
let world: World;
let mine: WorldAccount;
let other: WorldAccount;
let token: string;
beforeAll(async () => {
  ({ app, world } = await tiktokSandbox());
  mine = world.accountsOf('tiktok', 'ahmed')[0]!;
  other = world.accountsOf('tiktok', 'lina')[0]!;
  token = tokenFor(world, [mine]);
});
afterAll(() => app.close());

describe('TikTok API auth', () => {
  const call = (headers: Record<string, string>) => app.inject({ url: `${API}/campaign/get/?advertiser_id=${mine.id}`, headers });

  it.each([
    ['no token', {}, 40104],
    ['a Bearer token instead of Access-Token', { authorization: 'Bearer x' }, 40104],
    ['an unknown token', { 'access-token': 'deadbeef' }, 40105],
  ])('answers %s with HTTP 200 and code %s', async (_l, headers, code) => {
    const res = await call(headers as Record<string, string>);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code, data: {} });
    expect(typeof res.json().request_id).toBe('string');
    expect(typeof res.json().message).toBe('string');
  });

  it('says expired (40102) for an expired token and invalid (40105) for a revoked one', async () => {
    const expiring = tokenFor(world, [mine]);
    world.tokens.expireNow('tiktok', expiring);
    expect((await call({ 'access-token': expiring })).json().code).toBe(40102);
    const revoked = tokenFor(world, [mine]);
    world.tokens.revoke('tiktok', revoked);
    expect((await call({ 'access-token': revoked })).json().code).toBe(40105);
  });

  it('refuses an advertiser the token was not granted (40001), even one that exists', async () => {
    const { body } = await get(app, token, '/campaign/get/', { advertiser_id: other.id });
    expect(body.code).toBe(40001);
    expect((await get(app, token, '/campaign/get/', { advertiser_id: '7000000000000000000' })).body.code).toBe(40001);
  });

  it('answers a path it does not serve, or one without the trailing slash, with 40002', async () => {
    for (const url of [`${API}/campaign/nothing/`, `${API}/campaign/get`]) {
      const res = await app.inject({ url, headers: { 'access-token': token } });
      expect(res.statusCode).toBe(200);
      expect(res.json().code).toBe(40002);
    }
  });

  it('serves v1.2 paths the same way', async () => {
    const res = await app.inject({ url: `/tiktok/business-api/open_api/v1.2/campaign/get/?advertiser_id=${mine.id}`, headers: { 'access-token': token } });
    expect(res.json().code).toBe(0);
  });
});

describe('TikTok account discovery', () => {
  it('oauth2/advertiser/get lists the granted advertisers, for the app the token belongs to', async () => {
    const { body } = await get<{ list: unknown[] }>(app, token, '/oauth2/advertiser/get/', { app_id: APP_ID, secret: 's' });
    expect(body).toMatchObject({ code: 0, message: 'OK', data: { list: [{ advertiser_id: mine.id, advertiser_name: mine.name }] } });
    expect((await get(app, token, '/oauth2/advertiser/get/', { app_id: '123', secret: 's' })).body.code).toBe(40001);
    expect((await get(app, token, '/oauth2/advertiser/get/', { app_id: APP_ID })).body.code).toBe(40002);
  });

  it('advertiser/info gives currency, time zones and status, honouring fields=', async () => {
    const { body } = await get<{ list: Array<Record<string, unknown>> }>(app, token, '/advertiser/info/', { advertiser_ids: [mine.id] });
    const row = body.data.list[0]!;
    expect(row).toMatchObject({ advertiser_id: mine.id, name: mine.name, currency: mine.currency, display_timezone: mine.timeZone, status: 'STATUS_ENABLE' });
    expect(String(row.timezone)).toMatch(/^(Etc\/GMT([+-]\d+)?|[A-Za-z]+\/[A-Za-z_]+)$/);
    const some = await get<{ list: Array<Record<string, unknown>> }>(app, token, '/advertiser/info/', { advertiser_ids: [mine.id], fields: ['currency', 'display_timezone'] });
    expect(some.body.data.list).toEqual([{ currency: mine.currency, display_timezone: mine.timeZone }]);
  });

  it('advertiser/info refuses ungranted ids, unknown fields and a missing list', async () => {
    expect((await get(app, token, '/advertiser/info/', { advertiser_ids: [mine.id, other.id] })).body.code).toBe(40001);
    expect((await get(app, token, '/advertiser/info/', { advertiser_ids: [mine.id], fields: ['nope'] })).body.code).toBe(40002);
    expect((await get(app, token, '/advertiser/info/', {})).body.code).toBe(40002);
    expect((await get(app, token, '/advertiser/info/', { advertiser_ids: '[not json' })).body.code).toBe(40002);
  });

  it('user/info names the person who authorized', async () => {
    const { body } = await get(app, token, '/user/info/');
    expect(body.data).toMatchObject({ display_name: 'Ahmed Al-Harbi', email: world.person('ahmed')!.email });
  });

  it('pixel/list gives each account a stable pixel code', async () => {
    const a = await get<{ pixels: Array<{ pixel_code: string }> }>(app, token, '/pixel/list/', { advertiser_id: mine.id });
    const b = await get<{ pixels: Array<{ pixel_code: string }> }>(app, token, '/pixel/list/', { advertiser_id: mine.id });
    expect(a.body.data.pixels.length).toBeGreaterThan(0);
    expect(a.body.data.pixels[0]!.pixel_code).toMatch(/^C[A-Z0-9]{19}$/);
    expect(b.body.data.pixels).toEqual(a.body.data.pixels);
  });
});
