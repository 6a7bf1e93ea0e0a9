import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { World, WorldAccount } from '../../world/index.js';
import { get, post, tiktokSandbox, tokenFor } from './test-support.js';

let app: FastifyInstance;
let world: World;
let acct: WorldAccount;
let token: string;
let pixel: string;
beforeAll(async () => {
  ({ app, world } = await tiktokSandbox());
  acct = world.accountsOf('tiktok', 'ahmed')[0]!;
  token = tokenFor(world, [acct]);
  const { body } = await get<{ pixels: Array<{ pixel_code: string }> }>(app, token, '/pixel/list/', { advertiser_id: acct.id });
  pixel = body.data.pixels[0]!.pixel_code;
});
beforeEach(() => world.received.clear('conversions'));
afterAll(() => app.close());

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const now = () => Math.floor(world.now().getTime() / 1000);
const event = (i: number, extra: Record<string, unknown> = {}) => ({
  event: 'CompletePayment',
  event_time: now() - 3600,
  event_id: `order-${i}`,
  user: { email: sha('buyer@example.com'), phone: sha('+966500000000'), external_id: sha('u-1'), ttclid: 'E.C.P.abc', ttp: '2Ab.xyz', ip: '203.0.113.7', user_agent: 'Mozilla/5.0' },
  page: { url: 'https://shop.example/checkout', referrer: 'https://shop.example/cart' },
  properties: { currency: 'SAR', value: 450.5, content_type: 'product', contents: [{ content_id: 'sku-1', price: 450.5, quantity: 1 }] },
  ...extra,
});
const track = (data: unknown[], extra: Record<string, unknown> = {}, t: string | null = token) =>
  post(app, t, '/event/track/', { event_source: 'web', event_source_id: pixel, data, ...extra });

describe('TikTok Events API 2.0', () => {
  it('accepts a good batch and records each event as received, with its pixel and advertiser', async () => {
    const data = [event(1), event(2, { event: 'CompleteRegistration', properties: undefined })];
    const { res, body } = await track(data, { test_event_code: 'TEST123', partner_name: 'Stratum' });
    expect(res.statusCode).toBe(200);
    expect(body).toMatchObject({ code: 0, message: 'OK', data: {} });
    const got = world.received.list('conversions', 'tiktok');
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({ ...JSON.parse(JSON.stringify(data[0])), pixel_code: pixel, advertiser_id: acct.id, event_source: 'web', test_event_code: 'TEST123' });
    expect(got[1]).toMatchObject({ event: 'CompleteRegistration', event_id: 'order-2' });
  });

  it('accepts lists of hashes for email and phone', async () => {
    const { body } = await track([event(1, { user: { email: [sha('a@x.com'), sha('b@x.com')], phone: sha('+15550000') } })]);
    expect(body.code).toBe(0);
  });

  it.each([
    ['an unhashed email', () => ({ user: { email: 'buyer@example.com' } }), /data\.1\.user\.email/],
    ['an upper-case hash', () => ({ user: { email: sha('x').toUpperCase() } }), /data\.1\.user\.email/],
    ['no event name', () => ({ event: '' }), /data\.1\.event/],
    ['a millisecond timestamp', () => ({ event_time: Date.now() }), /seconds/],
    ['an event 8 days old', () => ({ event_time: now() - 8 * 86_400 }), /within the last 7 days/],
    ['an event in the future', () => ({ event_time: now() + 3600 }), /future/],
    ['a content_id that is not a string', () => ({ properties: { contents: [{ content_id: 12 }] } }), /content_id/],
    ['a bad IP', () => ({ user: { ip: '999.1.1.1' } }), /ip/],
  ])('refuses a batch with %s (40002), recording nothing', async (_label, extra, message) => {
    const { res, body } = await track([event(0), event(1, extra())]);
    expect(res.statusCode).toBe(200);
    expect(body.code).toBe(40002);
    expect(body.message).toMatch(message);
    expect(world.received.list('conversions', 'tiktok')).toHaveLength(0);
  });

  it('takes at most 1,000 events, and at least one', async () => {
    expect((await track(Array.from({ length: 1000 }, (_v, i) => event(i)))).body.code).toBe(0);
    expect(world.received.list('conversions', 'tiktok')).toHaveLength(1000);
    expect((await track(Array.from({ length: 1001 }, (_v, i) => event(i)))).body.code).toBe(40002);
    expect((await track([])).body.code).toBe(40002);
  });

  it('checks the envelope: event_source, a known pixel code, and a token that reaches its advertiser', async () => {
    expect((await track([event(1)], { event_source: 'email' })).body.code).toBe(40002);
    expect((await track([event(1)], { event_source_id: 'CNOTAPIXEL0000000000' })).body.code).toBe(40002);
    expect((await track([event(1)], {}, null)).body.code).toBe(40104);
    const stranger = tokenFor(world, world.accountsOf('tiktok', 'lina'), 'lina');
    expect((await track([event(1)], {}, stranger)).body.code).toBe(40001);
    expect(world.received.list('conversions', 'tiktok')).toHaveLength(0);
  });
});
