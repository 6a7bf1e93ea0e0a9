import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { FaultKind, World } from '../../world/index.js';
import { authorizeParams, CLIENT, consent, firstError, form, post, sandbox, search, tokensFor } from './test-support.js';

let app: FastifyInstance;
let world: World;
let cid: string;

beforeAll(async () => {
  ({ app, world } = await sandbox());
  cid = world.accountsOf('google', 'ahmed')[0]!.id;
});
beforeEach(() => world.faults.clear());
afterAll(() => app.close());

const fault = (kind: FaultKind, over: { delayMs?: number; pathPrefix?: string; count?: number } = {}) =>
  world.faults.add({ platform: 'google', kind, probability: 1, count: over.count ?? 1, delayMs: over.delayMs ?? 0, pathPrefix: over.pathPrefix ?? null });
const q = 'SELECT campaign.id FROM campaign';

describe('faults on the Ads API', () => {
  it('rate_limit: 429 RESOURCE_EXHAUSTED with a quotaError and a retry delay', async () => {
    const { access } = await tokensFor(app);
    const added = await app.inject({ method: 'POST', url: '/_sandbox/faults', payload: { platform: 'google', kind: 'rate_limit', count: 1, delay_ms: 2000 } });
    expect(added.statusCode).toBe(201);
    const res = await search(app, access, cid, q);
    expect(res.statusCode).toBe(429);
    const error = res.json().error;
    expect(error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    expect(firstError(res)).toMatchObject({ errorCode: { quotaError: 'RESOURCE_TEMPORARILY_EXHAUSTED' }, details: { quotaErrorDetails: { retryDelay: '2s' } } });
    expect(error.details[1]).toEqual({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2s' });
    expect(res.headers['request-id']).toBeTruthy();
    expect((await search(app, access, cid, q)).statusCode).toBe(200);
  });

  it('server_error: 500 INTERNAL, then 503 UNAVAILABLE', async () => {
    const { access } = await tokensFor(app);
    fault('server_error', { count: 2 });
    const first = await search(app, access, cid, q);
    const second = await search(app, access, cid, q);
    expect([first.statusCode, first.json().error.status, firstError(first).errorCode]).toEqual([500, 'INTERNAL', { internalError: 'INTERNAL_ERROR' }]);
    expect([second.statusCode, second.json().error.status]).toEqual([503, 'UNAVAILABLE']);
  });

  it('expired_token: 401 OAUTH_TOKEN_EXPIRED; the token stays expired and a refresh recovers', async () => {
    const { access, refresh } = await tokensFor(app);
    fault('expired_token');
    const res = await search(app, access, cid, q);
    expect([res.statusCode, firstError(res).errorCode]).toEqual([401, { authenticationError: 'OAUTH_TOKEN_EXPIRED' }]);
    expect(firstError(await search(app, access, cid, q)).errorCode).toEqual({ authenticationError: 'OAUTH_TOKEN_EXPIRED' });
    const renewed = await app.inject({ method: 'POST', url: '/google/oauth2/token', ...form({ grant_type: 'refresh_token', refresh_token: refresh, client_id: CLIENT.id, client_secret: CLIENT.secret }) });
    expect((await search(app, renewed.json().access_token, cid, q)).statusCode).toBe(200);
  });

  it('revoked_token: 401 OAUTH_TOKEN_REVOKED and the grant is gone', async () => {
    const { access, refresh } = await tokensFor(app);
    fault('revoked_token');
    const res = await search(app, access, cid, q);
    expect([res.statusCode, firstError(res).errorCode]).toEqual([401, { authenticationError: 'OAUTH_TOKEN_REVOKED' }]);
    const renewed = await app.inject({ method: 'POST', url: '/google/oauth2/token', ...form({ grant_type: 'refresh_token', refresh_token: refresh, client_id: CLIENT.id, client_secret: CLIENT.secret }) });
    expect([renewed.statusCode, renewed.json().error]).toEqual([400, 'invalid_grant']);
  });

  it('slow: answers normally after the delay', async () => {
    const { access } = await tokensFor(app);
    fault('slow', { delayMs: 150 });
    const started = Date.now();
    const res = await search(app, access, cid, q);
    expect(res.statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('malformed: a 200 whose JSON is cut short, for search and searchStream', async () => {
    const { access } = await tokensFor(app);
    fault('malformed', { count: 2 });
    const page = await search(app, access, cid, q);
    expect(page.statusCode).toBe(200);
    expect(() => JSON.parse(page.body)).toThrow();
    const stream = await post(app, `customers/${cid}/googleAds:searchStream`, { token: access, body: { query: q } });
    expect(stream.statusCode).toBe(200);
    expect(stream.body.startsWith('[')).toBe(true);
    expect(() => JSON.parse(stream.body)).toThrow();
  });

  it('wraps searchStream faults in an array, and honours the path prefix', async () => {
    const { access } = await tokensFor(app);
    fault('rate_limit', { pathPrefix: '/v23/customers:listAccessibleCustomers' });
    expect((await search(app, access, cid, q)).statusCode).toBe(200);
    const listed = await app.inject({ url: '/google/ads/v23/customers:listAccessibleCustomers', headers: { authorization: `Bearer ${access}` } });
    expect(listed.statusCode).toBe(429);
    fault('server_error');
    const stream = await post(app, `customers/${cid}/googleAds:searchStream`, { token: access, body: { query: q } });
    expect(stream.statusCode).toBe(500);
    expect(stream.json()[0].error.status).toBe('INTERNAL');
  });
});

describe('faults on the OAuth endpoints', () => {
  it("renders token-endpoint faults in OAuth's shape and leaves the consent page alone", async () => {
    fault('rate_limit', { count: 5 });
    const { location } = await consent(app, authorizeParams());
    expect(location!.searchParams.get('code')).toBeTruthy();
    const res = await app.inject({ method: 'POST', url: '/google/oauth2/token', ...form({ grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: authorizeParams().redirect_uri!, client_id: CLIENT.id, client_secret: CLIENT.secret }) });
    expect([res.statusCode, res.json().error]).toEqual([429, 'rate_limit_exceeded']);
  });

  it('revoked_token on a refresh revokes the grant', async () => {
    const { refresh } = await tokensFor(app);
    fault('revoked_token');
    const res = await app.inject({ method: 'POST', url: '/google/oauth2/token', ...form({ grant_type: 'refresh_token', refresh_token: refresh, client_id: CLIENT.id, client_secret: CLIENT.secret }) });
    expect([res.statusCode, res.json()]).toEqual([400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }]);
    expect(world.tokens.check('google', refresh, 'refresh')).toEqual({ ok: false, reason: 'revoked' });
  });
});
