import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorldPixel } from '../../world/index.js';
import { FIXED_NOW } from '../../world/test-clock.js';
import { get, graphError, GRAPH, harness, login, postForm, type Harness } from './testkit.js';

let h: Harness;
let token: string;
let pixel: WorldPixel;
beforeAll(async () => {
  h = await harness();
  token = await login(h.app);
  pixel = h.world.pixels(h.world.accountsOf('meta', 'ahmed')[0]!)[0]!;
});
beforeEach(() => h.world.received.clear('conversions'));
afterAll(() => h.app.close());

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
// The harness clock starts at FIXED_NOW and this file never moves it; the case table is built before the harness.
const now = () => Math.floor(FIXED_NOW.getTime() / 1000);

function lead(over: Record<string, unknown> = {}, userData: Record<string, unknown> = {}) {
  return {
    event_name: 'Lead',
    event_time: now() - 60,
    event_id: `lead-${Math.random().toString(36).slice(2)}`,
    action_source: 'website',
    event_source_url: 'https://midasfurniture.sa/offer',
    user_data: { em: [sha('john_smith@gmail.com')], ph: [sha('16505551212')], client_ip_address: '203.0.113.7', client_user_agent: 'Mozilla/5.0', fbc: 'fb.1.1554763741205.AbCdEf', ...userData },
    ...over,
  };
}

const send = (body: Record<string, unknown>) => h.app.inject({ method: 'POST', url: `${GRAPH}/${pixel.id}/events?access_token=${token}`, payload: body });

describe('Conversions API intake', () => {
  it('accepts a good JSON batch and records each event as received', async () => {
    const events = [lead(), lead({ event_name: 'Purchase', custom_data: { currency: 'SAR', value: 199.5 } })];
    const res = await send({ data: events, test_event_code: 'TEST123' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ events_received: 2, messages: [], fbtrace_id: expect.any(String) });
    const received = h.world.received.list('conversions', 'meta');
    expect(received).toHaveLength(2);
    expect(received[0]).toMatchObject({ ...events[0], pixel_id: pixel.id, test_event_code: 'TEST123', platform: 'meta' });
  });

  it('accepts a form body with data as a JSON string', async () => {
    const res = await postForm(h.app, `${GRAPH}/${pixel.id}/events`, { data: JSON.stringify([lead()]), access_token: token });
    expect(res.json()).toMatchObject({ events_received: 1 });
  });

  it.each([
    ['an unhashed email', lead({}, { em: ['john_smith@gmail.com'] }), /em must be hashed/],
    ['an upper-case hash', lead({}, { ph: sha('1').toUpperCase() }), /ph must be hashed/],
    ['no event_name', { ...lead(), event_name: undefined }, /event_name/],
    ['an unknown action_source', lead({ action_source: 'carrier_pigeon' }), /action_source/],
    ['a website event without a user agent', lead({}, { client_user_agent: undefined }), /client_user_agent/],
    ['only an IP address to match on', lead({ action_source: 'system_generated' }, { em: undefined, ph: undefined, fbc: undefined, client_user_agent: undefined }), /customer information/],
    ['a purchase without value', lead({ event_name: 'Purchase' }), /custom_data/],
    ['event_time in milliseconds', lead({ event_time: Date.now() }), /future/],
  ])('refuses the whole batch for %s', async (_what, bad, message) => {
    const res = await send({ data: [lead(), JSON.parse(JSON.stringify(bad))] });
    expect(res.statusCode).toBe(400);
    const err = graphError(res);
    expect(err).toMatchObject({ type: 'OAuthException', code: 100 });
    expect(String(err.error_user_msg)).toMatch(message);
    expect(h.world.received.list('conversions', 'meta')).toHaveLength(0);
  });

  it('refuses a batch with any event older than 7 days (2804003), but lets store events be 62 days late', async () => {
    const old = lead({ event_time: now() - 8 * 86_400 });
    const res = await send({ data: [lead(), old] });
    expect(graphError(res)).toMatchObject({ code: 100, error_subcode: 2804003, error_user_title: 'Event Timestamp Too Old' });
    const store = lead({ action_source: 'physical_store', event_source_url: undefined, event_time: now() - 30 * 86_400 });
    expect((await send({ data: [JSON.parse(JSON.stringify(store))] })).json()).toMatchObject({ events_received: 1 });
  });

  it('refuses more than 1,000 events and an empty or missing data', async () => {
    const many = Array.from({ length: 1001 }, () => lead());
    expect(graphError(await send({ data: many }))).toMatchObject({ code: 100, message: expect.stringMatching(/1000/) });
    expect(graphError(await send({ data: [] }))).toMatchObject({ code: 100 });
    expect(graphError(await send({}))).toMatchObject({ code: 100, message: '(#100) The parameter data is required' });
    expect(h.world.received.list('conversions', 'meta')).toHaveLength(0);
  });

  it('needs a token that reaches the pixel\'s account', async () => {
    const other = h.world.pixels(h.world.accountsOf('meta', 'lina')[0]!)[0]!;
    const res = await h.app.inject({ method: 'POST', url: `${GRAPH}/${other.id}/events?access_token=${token}`, payload: { data: [lead()] } });
    expect(graphError(res)).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('feeds the simulated match quality of the events it received', async () => {
    await send({ data: [lead(), lead({}, { ph: undefined })] });
    const res = await get(h.app, '/dataset_quality', token, { dataset_id: pixel.id, fields: 'web{event_name,event_match_quality{composite_score,match_key_feedback{identifier,coverage{percentage}}}}' });
    const leadRow = (res.json().web as Array<{ event_name: string; event_match_quality: { composite_score: number; match_key_feedback: Array<{ identifier: string; coverage: { percentage: number } }> } }>).find((r) => r.event_name === 'Lead')!;
    expect(leadRow.event_match_quality.match_key_feedback).toEqual(
      expect.arrayContaining([
        { identifier: 'email', coverage: { percentage: 100 } },
        { identifier: 'phone', coverage: { percentage: 50 } },
      ]),
    );
    expect(leadRow.event_match_quality.composite_score).toBeGreaterThan(0);
    expect(leadRow.event_match_quality.composite_score).toBeLessThanOrEqual(10);
  });
});
