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

  const batch = (inputs: Record<string, unknown>[]) =>
    app.inject({ method: 'POST', url: '/crm/hubspot/crm/objects/2026-03/contacts/batch/upsert', headers: TOKEN, payload: { inputs } });

  it('with an objectWriteTraceId on every input, refuses only the bad input (207 Multi-Status) and writes the rest', async () => {
    const res = await batch([
      { idProperty: 'email', id: 'ok@example.sa', objectWriteTraceId: 't1', properties: { firstname: 'Ok' } },
      { idProperty: 'email', id: 'nobody@example.invalid', objectWriteTraceId: 't2', properties: {} },
      { idProperty: 'email', id: 'fine@example.sa', objectWriteTraceId: 't3', properties: {} },
    ]);
    expect(res.statusCode).toBe(207);
    const body = res.json();
    expect(body.results.map((r: { objectWriteTraceId: string }) => r.objectWriteTraceId)).toEqual(['t1', 't3']);
    expect(body).toMatchObject({ status: 'COMPLETE', numErrors: 1, errors: [{ status: 'error', category: 'VALIDATION_ERROR', context: { objectWriteTraceId: ['t2'] }, errors: [{ code: 'INVALID_EMAIL', in: 'email' }] }] });
    expect((await app.inject('/_sandbox/crm/hubspot/contacts')).json().contacts).toHaveLength(2);
  });

  it('without trace ids a bad input refuses the whole batch; an id twice, or an unknown property, always does', async () => {
    const whole = await batch([{ idProperty: 'email', id: 'ok@example.sa' }, { idProperty: 'email', id: 'nobody@example.invalid' }]);
    expect(whole.statusCode).toBe(400);
    expect(whole.json().message).toContain('INVALID_EMAIL');
    const twice = await batch([{ idProperty: 'email', id: 'same@example.sa', objectWriteTraceId: 'a' }, { idProperty: 'email', id: 'SAME@example.sa', objectWriteTraceId: 'b' }]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ category: 'VALIDATION_ERROR', message: expect.stringContaining('Duplicate IDs found in batch input') });
    const unknown = await batch([{ idProperty: 'email', id: 'p@example.sa', objectWriteTraceId: 'a', properties: { stratum_nope: 'x' } }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('PROPERTY_DOESNT_EXIST');
    expect((await app.inject('/_sandbox/crm/hubspot/contacts')).json().contacts).toHaveLength(0);
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

  it('answers one entry per record of a batch, in input order, 207 when some fail', async () => {
    const t = (await token(good)).json().access_token as string;
    const res = await app.inject({
      method: 'POST',
      url: '/crm/zoho/api/crm/v8/Leads/upsert',
      headers: { authorization: `Zoho-oauthtoken ${t}` },
      payload: { data: [{ Last_Name: 'A', Email: 'a@example.sa' }, { Email: 'b@example.sa' }, { Last_Name: 'C', Email: 'c@example.sa' }], duplicate_check_fields: ['Email'] },
    });
    expect(res.statusCode).toBe(207);
    expect(res.json().data.map((d: { status: string; code: string }) => `${d.status} ${d.code}`)).toEqual(['success SUCCESS', 'error MANDATORY_NOT_FOUND', 'success SUCCESS']);
    expect(res.json().data[1].details).toMatchObject({ api_name: 'Last_Name', json_path: '$.data[1].Last_Name' });
  });

  it('answers an unknown path in Zoho\'s own envelope', async () => {
    const res = await app.inject('/crm/zoho/api/crm/v8/Nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'INVALID_URL_PATTERN', status: 'error' });
  });
});
