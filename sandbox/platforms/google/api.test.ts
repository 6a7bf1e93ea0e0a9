import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { World, WorldAccount } from '../../world/index.js';
import { firstError, post, sandbox, search, tokensFor } from './test-support.js';

let app: FastifyInstance;
let world: World;
let ahmed: string;
let lina: string;
let midas: WorldAccount;
let agencyClient: WorldAccount;
let managerId: string;

beforeAll(async () => {
  ({ app, world } = await sandbox());
  ahmed = (await tokensFor(app, 'ahmed')).access;
  lina = (await tokensFor(app, 'lina')).access;
  midas = world.accountsOf('google', 'ahmed')[0]!;
  agencyClient = world.accountsOf('google', 'lina')[0]!;
  managerId = agencyClient.managerId!;
});
afterAll(() => app.close());

const list = (token?: string) =>
  app.inject({ url: '/google/ads/v23/customers:listAccessibleCustomers', headers: token ? { authorization: `Bearer ${token}`, 'developer-token': 'ignored-22-characters' } : {} });

describe('authentication', () => {
  it('refuses a call without credentials (401, before the Ads backend)', async () => {
    const res = await list();
    expect(res.statusCode).toBe(401);
    expect(res.headers['request-id']).toMatch(/^[\w-]{22}$/);
    expect(res.json().error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
    expect(res.json().error.message).toContain('missing required authentication credential');
  });

  it.each([
    ['an unknown token', () => 'ya29.nope', 'OAUTH_TOKEN_INVALID'],
    ['an expired token', () => expire(ahmedSpare), 'OAUTH_TOKEN_EXPIRED'],
    ['a revoked token', () => revoke(linaSpare), 'OAUTH_TOKEN_REVOKED'],
  ])('answers %s with 401 UNAUTHENTICATED and the authenticationError', async (_n, token, code) => {
    const res = await list(token());
    expect(res.statusCode).toBe(401);
    expect(res.json().error.status).toBe('UNAUTHENTICATED');
    expect(res.json().error.details[0]['@type']).toBe('type.googleapis.com/google.ads.googleads.v23.errors.GoogleAdsFailure');
    expect(firstError(res).errorCode).toEqual({ authenticationError: code });
  });

  it('accepts calls with or without a developer-token header', async () => {
    const res = await app.inject({ url: '/google/ads/v21/customers:listAccessibleCustomers', headers: { authorization: `Bearer ${ahmed}` } });
    expect(res.statusCode).toBe(200);
  });
});

let ahmedSpare = '';
let linaSpare = '';
beforeAll(async () => {
  ahmedSpare = (await tokensFor(app, 'ahmed')).access;
  linaSpare = (await tokensFor(app, 'lina')).access;
});
const expire = (t: string) => (world.tokens.expireNow('google', t), t);
const revoke = (t: string) => (world.tokens.revoke('google', t), t);

describe('account discovery', () => {
  it('lists the customers a person reaches directly: own accounts, or the manager', async () => {
    expect((await list(ahmed)).json()).toEqual({ resourceNames: world.accountsOf('google', 'ahmed').map((a) => `customers/${a.id}`) });
    expect((await list(lina)).json()).toEqual({ resourceNames: [`customers/${managerId}`] });
  });

  it('describes a customer in GAQL', async () => {
    const res = await search(app, ahmed, midas.id, 'SELECT customer.id, customer.descriptive_name, customer.currency_code, customer.time_zone, customer.manager, customer.status FROM customer');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      results: [{ customer: { resourceName: `customers/${midas.id}`, id: midas.id, descriptiveName: midas.name, currencyCode: 'SAR', timeZone: 'Asia/Riyadh', manager: false, status: 'ENABLED' } }],
      fieldMask: 'customer.id,customer.descriptiveName,customer.currencyCode,customer.timeZone,customer.manager,customer.status',
    });
  });

  it("walks a manager's clients with customer_client", async () => {
    const q = 'SELECT customer_client.id, customer_client.descriptive_name, customer_client.currency_code, customer_client.time_zone, customer_client.level, customer_client.manager, customer_client.status FROM customer_client WHERE customer_client.level <= 1';
    const res = await search(app, lina, managerId, q, {}, managerId);
    expect(res.statusCode).toBe(200);
    const rows = res.json().results.map((r: { customerClient: Record<string, unknown> }) => r.customerClient);
    expect(rows[0]).toMatchObject({ resourceName: `customers/${managerId}/customerClients/${managerId}`, id: managerId, level: '0', manager: true });
    const clients = world.accounts('google').filter((a) => a.managerId === managerId);
    expect(rows.slice(1).map((r: { id: string }) => r.id)).toEqual(clients.map((a) => a.id));
    expect(rows[1]).toMatchObject({ level: '1', manager: false, currencyCode: clients[0]!.currency, status: 'ENABLED' });
  });

  it('needs login-customer-id for a client reached through a manager', async () => {
    const q = 'SELECT customer.id FROM customer';
    const without = await search(app, lina, agencyClient.id, q);
    expect(without.statusCode).toBe(403);
    expect(without.json().error.status).toBe('PERMISSION_DENIED');
    expect(firstError(without).errorCode).toEqual({ authorizationError: 'USER_PERMISSION_DENIED' });
    expect((await search(app, lina, agencyClient.id, q, {}, managerId)).statusCode).toBe(200);
    expect((await search(app, lina, agencyClient.id, q, {}, '123-456-7890')).json().error.details[0].errors[0].errorCode).toEqual({ headerError: 'INVALID_LOGIN_CUSTOMER_ID' });
  });

  it("refuses accounts the token was not granted, and malformed customer ids", async () => {
    const denied = await search(app, ahmed, agencyClient.id, 'SELECT customer.id FROM customer', {}, managerId);
    expect(firstError(denied).errorCode).toEqual({ authorizationError: 'USER_PERMISSION_DENIED' });
    const bad = await search(app, ahmed, '123-456-7890', 'SELECT customer.id FROM customer');
    expect([bad.statusCode, firstError(bad).errorCode]).toEqual([400, { requestError: 'INVALID_CUSTOMER_ID' }]);
  });

  it('refuses metrics on a manager', async () => {
    const res = await search(app, lina, managerId, 'SELECT metrics.clicks FROM customer WHERE segments.date DURING LAST_7_DAYS', {}, managerId);
    expect(firstError(res).errorCode).toEqual({ queryError: 'REQUESTED_METRICS_FOR_MANAGER' });
  });

  it('answers unknown paths with 404 NOT_FOUND and a request-id', async () => {
    const res = await post(app, `customers/${midas.id}/nothing:here`, { token: ahmed });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 404, status: 'NOT_FOUND', message: `The requested URL /v23/customers/${midas.id}/nothing:here was not found on this server.` });
    expect(res.headers['request-id']).toBeTruthy();
  });

  it('answers a body that is not JSON the way the REST front end does', async () => {
    const res = await app.inject({ method: 'POST', url: `/google/ads/v23/customers/${midas.id}/googleAds:search`, headers: { authorization: `Bearer ${ahmed}`, 'content-type': 'application/json' }, payload: '{"query": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^Invalid JSON payload received/);
    const unknown = await post(app, `customers/${midas.id}/googleAds:search`, { token: ahmed, body: { query: 'SELECT customer.id FROM customer', pageLimit: 5 } });
    expect(unknown.json().error.message).toBe('Invalid JSON payload received. Unknown name "pageLimit": Cannot find field.');
  });
});
