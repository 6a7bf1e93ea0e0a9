import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FaultKind } from '../../world/index.js';
import { DIALOG, get, graphError, harness, login, type Harness } from './testkit.js';

let h: Harness;
let token: string;
let accountId: string;
beforeAll(async () => {
  h = await harness();
  token = await login(h.app);
  accountId = h.world.accountsOf('meta', 'ahmed')[0]!.id;
});
afterEach(() => h.world.faults.clear());
afterAll(() => h.app.close());

const fault = (kind: FaultKind, over: { delayMs?: number; pathPrefix?: string | null } = {}) =>
  h.world.faults.add({ platform: 'meta', kind, probability: 1, count: 1, delayMs: over.delayMs ?? 0, pathPrefix: over.pathPrefix ?? null });

describe('injected faults, the way Graph fails', () => {
  it('rate_limit on an ad account: HTTP 400, code 80004, usage headers saying when access returns', async () => {
    fault('rate_limit', { delayMs: 180_000 });
    const res = await get(h.app, `/act_${accountId}/campaigns`, token);
    expect(res.statusCode).toBe(400);
    expect(graphError(res)).toMatchObject({ type: 'OAuthException', code: 80004, error_subcode: 2446079, is_transient: true });
    const buc = JSON.parse(String(res.headers['x-business-use-case-usage']));
    expect(buc[accountId][0]).toMatchObject({ type: 'ads_management', call_count: 100, estimated_time_to_regain_access: 3 });
    expect(JSON.parse(String(res.headers['x-ad-account-usage']))).toMatchObject({ acc_id_util_pct: 100 });
    expect((await get(h.app, `/act_${accountId}/campaigns`, token)).statusCode).toBe(200);
  });

  it('rate_limit on an entity names the account that owns it', async () => {
    const campaign = h.world.campaigns(h.world.account('meta', accountId)!)[0]!;
    fault('rate_limit');
    const res = await h.app.inject({ method: 'POST', url: `/meta/graph/v25.0/${campaign.id}?access_token=${token}`, payload: { status: 'PAUSED' } });
    expect(graphError(res)).toMatchObject({ code: 80004 });
    expect(Object.keys(JSON.parse(String(res.headers['x-business-use-case-usage'])))).toEqual([accountId]);
    expect(h.world.received.list('mutations', 'meta')).toHaveLength(0);
  });

  it('rate_limit on insights is code 80000; on a user path it is code 17', async () => {
    fault('rate_limit', { pathPrefix: '/v25.0/act_' });
    const insights = await get(h.app, `/act_${accountId}/insights`, token);
    expect(graphError(insights)).toMatchObject({ code: 80000 });
    expect(insights.headers['x-fb-ads-insights-throttle']).toBeDefined();
    fault('rate_limit');
    const me = await get(h.app, '/me', token);
    expect(graphError(me)).toMatchObject({ code: 17, message: '(#17) User request limit reached' });
  });

  it('server_error: HTTP 500, code 2, transient', async () => {
    fault('server_error');
    const res = await get(h.app, '/me/adaccounts', token);
    expect(res.statusCode).toBe(500);
    expect(graphError(res)).toMatchObject({ code: 2, is_transient: true });
  });

  it('expired_token: 190/463, and the token stays expired', async () => {
    const t = await login(h.app);
    fault('expired_token');
    expect(graphError(await get(h.app, '/me', t))).toMatchObject({ code: 190, error_subcode: 463 });
    expect(graphError(await get(h.app, '/me', t))).toMatchObject({ code: 190, error_subcode: 463 });
  });

  it('revoked_token: 190/460, and the token stays revoked', async () => {
    const t = await login(h.app);
    fault('revoked_token');
    expect(graphError(await get(h.app, '/me', t))).toMatchObject({ code: 190, error_subcode: 460 });
    expect(graphError(await get(h.app, '/me', t))).toMatchObject({ code: 190, error_subcode: 460 });
    expect((await get(h.app, '/me', token)).statusCode).toBe(200);
  });

  it('slow: answers normally after the delay', async () => {
    fault('slow', { delayMs: 150 });
    const started = performance.now();
    const res = await get(h.app, '/me', token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Ahmed Al-Harbi');
  });

  it('malformed: 200 with a body cut in half', async () => {
    fault('malformed');
    const res = await get(h.app, `/act_${accountId}/campaigns`, token, { fields: 'id,name', limit: '5' });
    expect(res.statusCode).toBe(200);
    expect(() => JSON.parse(res.body)).toThrow();
    expect(res.body.startsWith('{"data":[')).toBe(true);
  });

  it('applies to the token endpoint and takes rules from the control route, but never touches the consent page', async () => {
    const added = await h.app.inject({ method: 'POST', url: '/_sandbox/faults', payload: { platform: 'meta', kind: 'server_error', count: 1 } });
    expect(added.statusCode).toBe(201);
    const page = await h.app.inject(`${DIALOG}?client_id=1&redirect_uri=${encodeURIComponent('http://localhost/cb')}`);
    expect(page.statusCode).toBe(200);
    const tokenCall = await get(h.app, '/oauth/access_token', null, { client_id: '1', client_secret: 's', redirect_uri: 'http://localhost/cb', code: 'x' });
    expect(tokenCall.statusCode).toBe(500);
    expect(graphError(tokenCall)).toMatchObject({ code: 2 });
  });
});
