import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorldAccount } from '../../world/types.js';
import { pixelIdOf } from './pixels.js';
import { accessToken, accountOf, bearer, harness, TR, type Harness } from './test-support.js';

let h: Harness;
let midas: WorldAccount;
let token: string;
let pixel: string;
beforeAll(async () => {
  h = await harness();
  midas = accountOf(h.world, 'ahmed');
  token = accessToken(h.world, 'ahmed', [midas.id]);
  pixel = pixelIdOf(h.world, midas);
});
beforeEach(() => h.world.received.clear('conversions'));
afterAll(() => h.app.close());

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const nowSec = () => Math.floor(h.world.now().getTime() / 1000);

function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event_name: 'SIGN_UP',
    event_time: nowSec() - 60,
    event_id: `lead-${Math.random().toString(36).slice(2)}`,
    action_source: 'WEB',
    event_source_url: 'https://midas.example/signup',
    user_data: { em: [sha('person@example.com')], ph: [sha('448444124653')], client_ip_address: '203.0.113.7', client_user_agent: 'Mozilla/5.0', sc_click_id: 'click-1' },
    ...overrides,
  };
}

const send = (data: unknown[], opts: { validate?: boolean; pixelId?: string; token?: string | null } = {}) => {
  const t = opts.token === undefined ? token : opts.token;
  const qs = t ? `?access_token=${encodeURIComponent(t)}` : '';
  return h.app.inject({ method: 'POST', url: `${TR}/v3/${opts.pixelId ?? pixel}/events${opts.validate ? '/validate' : ''}${qs}`, payload: { data } });
};

describe('Snapchat Conversions API v3', () => {
  it('accepts a good batch and records each event with its pixel', async () => {
    const purchase = event({ event_name: 'PURCHASE', custom_data: { currency: 'SAR', value: 149.5 } });
    const res = await send([event(), purchase, event({ event_name: 'PAGE_VIEW' })]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'VALID', reason: expect.any(String) });
    const received = h.world.received.list('conversions', 'snapchat');
    expect(received).toHaveLength(3);
    expect(received[1]).toMatchObject({ ...purchase, pixel_id: pixel, platform: 'snapchat' });
  });

  it('takes the token from an Authorization header too', async () => {
    const res = await h.app.inject({ method: 'POST', url: `${TR}/v3/${pixel}/events`, headers: bearer(token), payload: { data: [event()] } });
    expect(res.statusCode).toBe(200);
  });

  it('validates without recording', async () => {
    const res = await send([event()], { validate: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'VALID', test_event: true, event_logs: [{ status: 'VALID' }] });
    const bad = await send([event(), event({ user_data: { em: ['person@example.com'] } })], { validate: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ status: 'INVALID', param: 'data[1].user_data.em', event_logs: [{ status: 'VALID' }, { status: 'INVALID', errors: { codes: [expect.any(Number)] } }] });
    expect(h.world.received.list('conversions', 'snapchat')).toHaveLength(0);
  });

  it.each([
    ['an unhashed email', { user_data: { em: ['Person@Example.com'], client_ip_address: '203.0.113.7', client_user_agent: 'UA' } }, 'data[0].user_data.em', /Unhashed PII/],
    ['an upper-case hash', { user_data: { ph: [sha('1').toUpperCase()] } }, 'data[0].user_data.ph', /Unhashed PII/],
    ['an event older than 7 days', { event_time: Math.floor(Date.parse('2026-11-17T00:00:00Z') / 1000) }, 'data[0].event_time', /older than 7 days/],
    ['milliseconds for event_time', { event_time: Date.parse('2026-11-25T11:00:00Z') }, 'data[0].event_time', /future/],
    ['no action_source', { action_source: undefined }, 'data[0].action_source', /required/],
    ['a Meta-style action_source', { action_source: 'website' }, 'data[0].action_source', /must be one of/],
    ['an unknown event_name', { event_name: 'Lead' }, 'data[0].event_name', /Unknown event_name/],
    ['no event_source_url on a web event', { event_source_url: undefined }, 'data[0].event_source_url', /required/],
    ['a purchase without currency', { event_name: 'PURCHASE', custom_data: { value: 10 } }, 'data[0].custom_data', /currency/],
    ['no way to match the person', { user_data: { sc_click_id: 'click-only' } }, 'data[0].user_data', /Insufficient PII/],
    ['a bad IP address', { user_data: { em: [sha('a@b.c')], client_ip_address: 'not-an-ip' } }, 'data[0].user_data.client_ip_address', /IP/],
  ])('refuses a batch with %s, recording nothing', async (_name, overrides, param, reason) => {
    const res = await send([event(overrides)]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 'INVALID', param, reason: expect.stringMatching(reason) });
    expect(h.world.received.list('conversions', 'snapchat')).toHaveLength(0);
  });

  it('takes 2,000 events and refuses 2,001', async () => {
    const batch = Array.from({ length: 2000 }, () => event());
    expect((await send(batch)).statusCode).toBe(200);
    expect(h.world.received.list('conversions', 'snapchat')).toHaveLength(2000);
    h.world.received.clear('conversions');
    const tooMany = await send([...batch, event()]);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ status: 'INVALID', param: 'data' });
    expect((await send([])).statusCode).toBe(400);
  });

  it('refuses a missing token, an unknown pixel and a pixel of an account the token was not granted', async () => {
    const noToken = await send([event()], { token: null });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json().status).toBe('UNAUTHORIZED');
    expect((await send([event()], { pixelId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
    const linaPixel = pixelIdOf(h.world, accountOf(h.world, 'lina'));
    expect((await send([event()], { pixelId: linaPixel })).statusCode).toBe(403);
  });

  it('answers a body that is not JSON in its own error shape', async () => {
    const res = await h.app.inject({ method: 'POST', url: `${TR}/v3/${pixel}/events?access_token=${token}`, headers: { 'content-type': 'application/json' }, payload: '{"data": [' });
    expect(res.statusCode).toBe(400);
    expect(res.json().status).toBe('INVALID');
  });
});
