import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FaultKind, WorldAccount } from '../../world/types.js';
import { pixelIdOf } from './pixels.js';
import { accessToken, ACCOUNTS, accountOf, API, authorizeQuery, bearer, exchange, harness, TR, type Harness } from './test-support.js';

let h: Harness;
let midas: WorldAccount;
beforeAll(async () => {
  h = await harness();
  midas = accountOf(h.world, 'ahmed');
});
afterEach(() => h.world.faults.clear());
afterAll(() => h.app.close());

const once = (kind: FaultKind, extra: { delayMs?: number; pathPrefix?: string } = {}) =>
  h.world.faults.add({ platform: 'snapchat', kind, probability: 1, count: 1, delayMs: extra.delayMs ?? 0, pathPrefix: extra.pathPrefix ?? null });

const getAccount = (token: string) => h.app.inject({ url: `${API}/v1/adaccounts/${midas.id}/campaigns?limit=50`, headers: bearer(token) });

describe('Snapchat faults', () => {
  it('rate_limit: 429 in the envelope, with no rate-limit headers, then normal service', async () => {
    const token = accessToken(h.world, 'ahmed', [midas.id]);
    once('rate_limit');
    const res = await getAccount(token);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ request_status: 'ERROR', error_code: expect.any(String) });
    expect(Object.keys(res.headers).filter((k) => /rate|retry/i.test(k))).toEqual([]);
    expect((await getAccount(token)).statusCode).toBe(200);
  });

  it('server_error: 500 with request_status ERROR', async () => {
    once('server_error');
    const res = await getAccount(accessToken(h.world, 'ahmed', [midas.id]));
    expect(res.statusCode).toBe(500);
    expect(res.json().request_status).toBe('ERROR');
  });

  it('expired_token: 401, and the token stays expired', async () => {
    const token = accessToken(h.world, 'ahmed', [midas.id]);
    once('expired_token');
    const res = await getAccount(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().debug_message).toMatch(/expired/);
    expect(h.world.tokens.check('snapchat', token, 'access')).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('revoked_token: 401, and the token is revoked in the world', async () => {
    const token = accessToken(h.world, 'ahmed', [midas.id]);
    once('revoked_token');
    expect((await getAccount(token)).statusCode).toBe(401);
    expect(h.world.tokens.check('snapchat', token, 'access')).toMatchObject({ ok: false, reason: 'revoked' });
    expect((await getAccount(token)).statusCode).toBe(401);
  });

  it('slow: waits, then answers normally', async () => {
    once('slow', { delayMs: 150 });
    const started = Date.now();
    const res = await getAccount(accessToken(h.world, 'ahmed', [midas.id]));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.statusCode).toBe(200);
  });

  it('malformed: 200 with half a JSON page', async () => {
    const token = accessToken(h.world, 'ahmed', [midas.id]);
    const whole = (await getAccount(token)).body;
    once('malformed');
    const res = await getAccount(token);
    expect(res.statusCode).toBe(200);
    expect(() => JSON.parse(res.body)).toThrow();
    const noId = (s: string) => s.replace(/"request_id":"[0-9a-f]+"/, '"request_id":""');
    expect(noId(whole).startsWith(noId(res.body))).toBe(true);
    expect(res.body.length).toBeLessThan(whole.length);
  });

  it('honours a path prefix', async () => {
    const token = accessToken(h.world, 'ahmed', [midas.id]);
    once('server_error', { pathPrefix: '/v1/me' });
    expect((await getAccount(token)).statusCode).toBe(200);
    expect((await h.app.inject({ url: `${API}/v1/me`, headers: bearer(token) })).statusCode).toBe(500);
  });

  it('leaves the consent page alone and hits the token endpoint in OAuth shape', async () => {
    once('rate_limit');
    const page = await h.app.inject(`${ACCOUNTS}/login/oauth2/authorize?${new URLSearchParams(authorizeQuery()).toString()}`);
    expect(page.statusCode).toBe(200);
    const res = await exchange(h.app, [['grant_type', 'refresh_token'], ['client_id', 'c'], ['client_secret', 's'], ['refresh_token', 'r']]);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: expect.any(String), error_description: expect.any(String) });
  });

  it('answers conversions faults in the Conversions API shape', async () => {
    once('rate_limit', { pathPrefix: '/v3/' });
    const token = accessToken(h.world, 'ahmed', [midas.id]);
    const res = await h.app.inject({ method: 'POST', url: `${TR}/v3/${pixelIdOf(h.world, midas)}/events?access_token=${token}`, payload: { data: [] } });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ status: expect.any(String), reason: expect.any(String) });
  });
});
