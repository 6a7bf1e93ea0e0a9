import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWorldRoutes } from './routes.js';
import { FIXED_NOW } from './test-clock.js';
import type { World } from './types.js';
import { createWorld } from './world.js';

let app: FastifyInstance;
let world: World;
beforeAll(async () => {
  world = createWorld({ now: () => FIXED_NOW });
  app = Fastify();
  await registerWorldRoutes(app, world);
});
afterAll(() => app.close());

const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
  const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() };
};

describe('fault routes', () => {
  it('adds, lists and clears rules', async () => {
    const added = await call('POST', '/_sandbox/faults', { platform: 'tiktok', kind: 'slow', delay_ms: 300, count: 2, path_prefix: '/open_api' });
    expect(added).toEqual({ status: 201, body: { id: expect.stringMatching(/^flt_/), platform: 'tiktok', kind: 'slow', probability: 1, count: 2, delay_ms: 300, path_prefix: '/open_api' } });
    await call('POST', '/_sandbox/faults', { platform: 'meta', kind: 'rate_limit', probability: 0.3 });
    expect((await call('GET', '/_sandbox/faults?platform=meta')).body).toEqual([expect.objectContaining({ kind: 'rate_limit', probability: 0.3 })]);
    expect((await call('GET', '/_sandbox/faults')).body).toHaveLength(2);
    expect(world.faults.draw('tiktok', '/open_api/v1.3/report/')?.delayMs).toBe(300);
    expect(await call('DELETE', '/_sandbox/faults?platform=tiktok')).toEqual({ status: 200, body: { ok: true, cleared: 1 } });
    await call('DELETE', '/_sandbox/faults');
    expect(world.faults.list()).toEqual([]);
  });

  it.each([
    [{ platform: 'bing', kind: 'slow' }, 'platform'],
    [{ platform: 'meta', kind: 'boom' }, 'kind'],
    [{ platform: 'meta', kind: 'slow', probability: 3 }, 'probability'],
    [{ platform: 'meta', kind: 'slow', count: 0 }, 'count'],
    [{ platform: 'meta', kind: 'slow', path_prefix: 'x' }, 'path_prefix'],
  ])('answers 400 with details for %j', async (payload, field) => {
    const { status, body } = await call('POST', '/_sandbox/faults', payload);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_request', message: expect.any(String) });
    expect(body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it('rejects an unknown platform filter', async () => {
    expect((await call('GET', '/_sandbox/faults?platform=x')).status).toBe(400);
  });
});

describe('inspect routes', () => {
  it('lists and clears what the imitations received', async () => {
    world.received.record('conversions', 'meta', { event_name: 'Purchase', event_id: 'e1' });
    world.received.record('conversions', 'snapchat', { event_name: 'PURCHASE' });
    world.received.record('mutations', 'google', { resource: 'campaignBudgets', amount_micros: '1000000' });
    expect((await call('GET', '/_sandbox/inspect/conversions?platform=meta')).body).toEqual([{ event_name: 'Purchase', event_id: 'e1', platform: 'meta', received_at: FIXED_NOW.toISOString() }]);
    expect((await call('GET', '/_sandbox/inspect/conversions')).body).toHaveLength(2);
    expect((await call('GET', '/_sandbox/inspect/mutations?platform=google')).body).toHaveLength(1);
    expect((await call('DELETE', '/_sandbox/inspect/conversions?platform=meta')).body).toEqual({ ok: true, cleared: 1 });
    expect((await call('GET', '/_sandbox/inspect/conversions')).body).toHaveLength(1);
    await call('DELETE', '/_sandbox/inspect/mutations');
    expect((await call('GET', '/_sandbox/inspect/mutations')).body).toEqual([]);
    expect((await call('GET', '/_sandbox/inspect/leads')).status).toBe(400);
  });
});

describe('accounts and people', () => {
  it('lists people and accounts with their owners', async () => {
    expect((await call('GET', '/_sandbox/people')).body.map((p: { id: string }) => p.id)).toEqual(['ahmed', 'lina', 'scale']);
    const { body } = await call('GET', '/_sandbox/accounts?platform=google');
    expect(body.map((a: { name: string }) => a.name)).toContain('Gulf Smile Dental');
    expect(body[0]).toMatchObject({ platform: 'google', currency: 'SAR', time_zone: 'Asia/Riyadh', owners: [{ id: 'ahmed', name: 'Ahmed Al-Harbi' }], today: '2026-11-25' });
    expect((await call('GET', '/_sandbox/accounts')).body.length).toBeGreaterThan(body.length);
  });

  it('adds an account for a benchmark', async () => {
    const { status, body } = await call('POST', '/_sandbox/accounts', { platform: 'tiktok', name: 'Bench Store', currency: 'KWD', time_zone: 'Asia/Kuwait', campaigns: 10, ad_sets_per_campaign: 2, ads_per_ad_set: 3, seed: 123 });
    expect(status).toBe(201);
    expect(body).toMatchObject({ platform: 'tiktok', name: 'Bench Store', business: 'Bench Store', currency: 'KWD', owners: [{ id: 'scale' }], size: { ads: 60 }, seed: 123 });
    expect(body.id).toMatch(/^\d{19}$/);
    const account = world.account('tiktok', body.id);
    expect(account && world.ads(account)).toHaveLength(60);
    const entities = await call('GET', `/_sandbox/accounts/tiktok/${body.id}/entities?level=ad_set`);
    expect(entities.body).toHaveLength(20);
  });

  it.each([
    [{ platform: 'meta', name: 'X', currency: 'sar', time_zone: 'Asia/Riyadh', campaigns: 1, ad_sets_per_campaign: 1, ads_per_ad_set: 1 }, 400],
    [{ platform: 'meta', name: 'X', currency: 'SAR', time_zone: 'Mars/Olympus', campaigns: 1, ad_sets_per_campaign: 1, ads_per_ad_set: 1 }, 400],
    [{ platform: 'meta', name: 'X', currency: 'SAR', time_zone: 'Asia/Riyadh', campaigns: 1000, ad_sets_per_campaign: 100, ads_per_ad_set: 100 }, 400],
    [{ platform: 'meta', name: 'X', currency: 'SAR', time_zone: 'Asia/Riyadh', owner: 'ghost', campaigns: 1, ad_sets_per_campaign: 1, ads_per_ad_set: 1 }, 400],
  ])('refuses a bad account %#', async (payload, status) => {
    const res = await call('POST', '/_sandbox/accounts', payload);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe('invalid_request');
  });
});

describe('report route', () => {
  it('returns the world’s own daily numbers per entity', async () => {
    const a = world.accounts('meta')[0];
    if (!a) throw new Error('no account');
    const { status, body } = await call('GET', `/_sandbox/accounts/meta/${a.id}/report?since=2026-11-20&until=2026-11-24&level=campaign`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ platform: 'meta', account_id: a.id, currency: 'SAR', minor_exponent: 2, level: 'campaign', since: '2026-11-20', until: '2026-11-24' });
    const spend = body.rows.filter((r: { date: string }) => r.date === '2026-11-22').reduce((s: number, r: { spend_minor: number }) => s + r.spend_minor, 0);
    expect(spend).toBe(world.sumDay(a, 'account', null, '2026-11-22').spendMinor);
    expect(body.totals.spend_minor).toBe(body.rows.reduce((s: number, r: { spend_minor: number }) => s + r.spend_minor, 0));
    const withZeros = await call('GET', `/_sandbox/accounts/meta/${a.id}/report?since=2026-11-20&until=2026-11-24&level=campaign&zeros=true`);
    expect(withZeros.body.rows).toHaveLength(5 * world.campaigns(a).length);
    const daily = await call('GET', `/_sandbox/accounts/meta/${a.id}/report`);
    expect(daily.body.rows.map((r: { date: string }) => r.date)).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25']);
  });

  it.each([
    ['/_sandbox/accounts/meta/1/report', 404],
    ['/_sandbox/accounts/bing/1/report', 400],
    ['/_sandbox/accounts/meta/{id}/report?level=keyword', 400],
    ['/_sandbox/accounts/meta/{id}/report?since=2026-11-10&until=2026-11-01', 400],
    ['/_sandbox/accounts/meta/{id}/report?since=2026-02-30', 400],
    ['/_sandbox/accounts/meta/{id}/report?since=2020-01-01&until=2026-01-01', 400],
  ])('answers %s with %i', async (url, status) => {
    const res = await call('GET', url.replace('{id}', world.accounts('meta')[0]?.id ?? ''));
    expect(res.status).toBe(status);
    expect(res.body.error.code).toMatch(/invalid_request|not_found/);
  });
});

describe('token routes', () => {
  it('expires and revokes issued tokens, 404 for others', async () => {
    const base = { personId: 'ahmed', clientId: 'c', scopes: [], accountIds: [], redirectUri: null, codeChallenge: null, codeChallengeMethod: null, parent: null };
    const refresh = world.tokens.issue({ ...base, platform: 'snapchat', kind: 'refresh', ttlSeconds: null });
    const access = world.tokens.issue({ ...base, platform: 'snapchat', kind: 'access', ttlSeconds: 1800, parent: refresh.token });
    expect(await call('POST', '/_sandbox/tokens/expire', { platform: 'snapchat', token: access.token })).toEqual({ status: 200, body: { ok: true } });
    expect(world.tokens.check('snapchat', access.token, 'access')).toMatchObject({ reason: 'expired' });
    expect(await call('POST', '/_sandbox/tokens/revoke', { platform: 'snapchat', token: refresh.token })).toEqual({ status: 200, body: { ok: true } });
    expect(world.tokens.check('snapchat', refresh.token, 'refresh')).toMatchObject({ reason: 'revoked' });
    expect(world.tokens.check('snapchat', access.token, 'access')).toMatchObject({ reason: 'revoked' });
    expect((await call('POST', '/_sandbox/tokens/revoke', { platform: 'meta', token: 'nope' })).status).toBe(404);
    expect((await call('POST', '/_sandbox/tokens/expire', { platform: 'meta' })).status).toBe(400);
  });
});
