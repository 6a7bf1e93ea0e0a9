import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { FaultKind, World, WorldAccount } from '../../world/index.js';
import { API, APP_ID, CONSENT, REDIRECT, tiktokSandbox, tokenFor } from './test-support.js';

let app: FastifyInstance;
let world: World;
let acct: WorldAccount;
let token: string;
beforeAll(async () => {
  ({ app, world } = await tiktokSandbox());
  acct = world.accountsOf('tiktok', 'ahmed')[0]!;
  token = tokenFor(world, [acct]);
});
beforeEach(() => world.faults.clear());
afterAll(() => app.close());

const fault = (kind: FaultKind, extra: { delayMs?: number; pathPrefix?: string } = {}) =>
  world.faults.add({ platform: 'tiktok', kind, probability: 1, count: 1, delayMs: extra.delayMs ?? 0, pathPrefix: extra.pathPrefix ?? null });
const campaigns = () => app.inject({ url: `${API}/campaign/get/?advertiser_id=${acct.id}`, headers: { 'access-token': token } });

describe('TikTok faults', () => {
  it.each([
    ['rate_limit', 40100, /Too many requests/],
    ['server_error', 50000, /System error/],
    ['expired_token', 40102, /expired/],
    ['revoked_token', 40105, /revoked/],
  ] as const)('%s → HTTP 200 with code %s in the envelope, once', async (kind, code, message) => {
    fault(kind);
    const res = await campaigns();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code, data: {} });
    expect(res.json().message).toMatch(message);
    expect(typeof res.json().request_id).toBe('string');
    expect((await campaigns()).json().code).toBe(0);
  });

  it('slow → waits delayMs, then answers normally', async () => {
    fault('slow', { delayMs: 150 });
    const started = performance.now();
    const res = await campaigns();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.json().code).toBe(0);
  });

  it('malformed → status 200 with the real answer cut in half', async () => {
    const whole = (await campaigns()).body;
    fault('malformed');
    const res = await campaigns();
    expect(res.statusCode).toBe(200);
    expect(() => JSON.parse(res.body)).toThrow();
    expect(whole.startsWith(res.body.slice(0, 20))).toBe(true);
    expect(res.body.length).toBeLessThan(whole.length);
  });

  it('honours pathPrefix (after the host prefix) and reaches the token and Events API endpoints too', async () => {
    fault('rate_limit', { pathPrefix: '/open_api/v1.3/report/' });
    expect((await campaigns()).json().code).toBe(0);
    expect(world.faults.list('tiktok')).toHaveLength(1);
    fault('server_error', { pathPrefix: '/open_api/v1.3/oauth2/access_token/' });
    const tokenRes = await app.inject({ method: 'POST', url: `${API}/oauth2/access_token/`, payload: { app_id: APP_ID, secret: 's', auth_code: 'x' } });
    expect(tokenRes.json().code).toBe(50000);
    fault('rate_limit', { pathPrefix: '/open_api/v1.3/event/track/' });
    const track = await app.inject({ method: 'POST', url: `${API}/event/track/`, headers: { 'access-token': token }, payload: {} });
    expect(track.json().code).toBe(40100);
  });

  it('never touches the consent page', async () => {
    fault('server_error');
    for (const page of [CONSENT, '/tiktok/business-api/portal/auth']) {
      const res = await app.inject(`${page}?app_id=${APP_ID}&redirect_uri=${encodeURIComponent(REDIRECT)}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('name="decision"');
    }
    expect(world.faults.list('tiktok')).toHaveLength(1);
  });
});
