import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '../server.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildSandbox();
});
afterAll(() => app.close());

const TOKEN = { authorization: 'Bearer pat-na1-00000000-0000-0000-0000-000000000001' };
const upsert = (email: string, properties: Record<string, string> = {}, headers: Record<string, string> = TOKEN) =>
  app.inject({ method: 'POST', url: '/crm/hubspot/crm/objects/2026-03/contacts/batch/upsert', headers, payload: { inputs: [{ idProperty: 'email', id: email, properties }] } });

describe('sandbox HubSpot', () => {
  beforeEach(async () => {
    await app.inject({ method: 'POST', url: '/_sandbox/crm/hubspot/reset', payload: {} });
  });

  it('upserts contacts by email: a repeat updates the same contact', async () => {
    const first = await upsert('sara@example.sa', { firstname: 'Sara' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'COMPLETE', results: [{ new: true, properties: { email: 'sara@example.sa', firstname: 'Sara' } }] });
    const again = await upsert('SARA@example.sa', { lastname: 'Khan' });
    expect(again.json().results[0]).toMatchObject({ id: first.json().results[0].id, new: false, properties: { firstname: 'Sara', lastname: 'Khan' } });
    const seen = (await app.inject('/_sandbox/crm/hubspot/contacts')).json();
    expect(seen.contacts).toHaveLength(1);
    expect(seen.contacts[0].writes).toBe(2);
  });

  it('answers in HubSpot\'s error shapes: 401, 409 on create, 400 VALIDATION_ERROR, 429 RATE_LIMIT', async () => {
    const noAuth = await upsert('a@example.sa', {}, {});
    expect(noAuth.statusCode).toBe(401);
    expect(noAuth.json()).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    expect(noAuth.json().correlationId).toEqual(expect.any(String));

    const create = (email: string) => app.inject({ method: 'POST', url: '/crm/hubspot/crm/v3/objects/contacts', headers: TOKEN, payload: { properties: { email } } });
    expect((await create('b@example.sa')).statusCode).toBe(201);
    const conflict = await create('b@example.sa');
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ category: 'CONFLICT', message: expect.stringMatching(/^Contact already exists\. Existing ID: \d+$/) });

    const unknown = await upsert('c@example.sa', { favourite_colour: 'blue' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ category: 'VALIDATION_ERROR' });
    expect(unknown.json().message).toContain('PROPERTY_DOESNT_EXIST');
    expect((await upsert('not-an-email')).json().message).toContain('INVALID_EMAIL');

    await app.inject({ method: 'POST', url: '/_sandbox/crm/hubspot/fail', payload: { status: 429, count: 1, retryAfterSeconds: 10 } });
    const limited = await upsert('d@example.sa');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('10');
    expect(limited.json()).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
    expect((await upsert('d@example.sa')).statusCode).toBe(200);
  });
});

describe('sandbox Zoho', () => {
  beforeEach(async () => {
    await app.inject({ method: 'POST', url: '/_sandbox/crm/zoho/reset' });
  });

  const token = async (params: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/crm/zoho/accounts/oauth/v2/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(params).toString() });
  const good = { grant_type: 'refresh_token', client_id: '1000.ABC', client_secret: 's', refresh_token: '1000.r' };
  const upsertLead = (accessToken: string, record: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/crm/zoho/api/crm/v8/Leads/upsert', headers: { authorization: `Zoho-oauthtoken ${accessToken}` }, payload: { data: [record], duplicate_check_fields: ['Email'] } });

  it('issues one-hour access tokens for a refresh token, and says invalid_code for a bad one', async () => {
    const res = await token(good);
    expect(res.json()).toMatchObject({ access_token: expect.stringMatching(/^1000\./), token_type: 'Bearer', expires_in: 3600 });
    expect((await token({ ...good, refresh_token: 'nope' })).json()).toEqual({ error: 'invalid_code' });
    expect((await token({ ...good, client_id: 'x' })).json()).toEqual({ error: 'invalid_client' });
  });

  it('upserts Leads on Email, requires Last_Name, and refuses an expired token with INVALID_TOKEN', async () => {
    const t = (await token(good)).json().access_token as string;
    const insert = await upsertLead(t, { Last_Name: 'Khan', Email: 'sara@example.sa' });
    expect(insert.statusCode).toBe(201);
    expect(insert.json().data[0]).toMatchObject({ code: 'SUCCESS', action: 'insert', status: 'success', details: { id: expect.any(String) } });
    const update = await upsertLead(t, { Last_Name: 'Khan', First_Name: 'Sara', Email: 'SARA@example.sa' });
    expect(update.statusCode).toBe(200);
    expect(update.json().data[0]).toMatchObject({ action: 'update', duplicate_field: 'Email', details: { id: insert.json().data[0].details.id } });

    const missing = await upsertLead(t, { Email: 'x@example.sa' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().data[0]).toMatchObject({ code: 'MANDATORY_NOT_FOUND', status: 'error', details: { api_name: 'Last_Name' } });

    await app.inject({ method: 'POST', url: '/_sandbox/crm/zoho/expire-tokens' });
    const expired = await upsertLead(t, { Last_Name: 'Khan', Email: 'sara@example.sa' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' });
  });

  it('answers an unknown path in Zoho\'s own envelope', async () => {
    const res = await app.inject('/crm/zoho/api/crm/v8/Nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'INVALID_URL_PATTERN', status: 'error' });
  });
});
