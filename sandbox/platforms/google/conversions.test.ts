import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { World } from '../../world/index.js';
import { firstError, post, sandbox, search, tokensFor } from './test-support.js';

let app: FastifyInstance;
let world: World;
let token: string;
let cid: string;
let actions: Record<string, string>;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  ({ app, world } = await sandbox());
  token = (await tokensFor(app, 'ahmed')).access;
  cid = world.accountsOf('google', 'ahmed')[0]!.id;
  const res = await search(app, token, cid, 'SELECT conversion_action.id, conversion_action.name, conversion_action.type, conversion_action.category FROM conversion_action');
  actions = Object.fromEntries(
    res.json().results.map((r: { conversionAction: { resourceName: string; type: string; category: string } }) => [`${r.conversionAction.type}:${r.conversionAction.category}`, r.conversionAction.resourceName]),
  );
});
beforeEach(() => world.received.clear('conversions'));
afterAll(() => app.close());

const upload = (conversions: unknown[], extra: Record<string, unknown> = { partialFailure: true }) => post(app, `customers/${cid}:uploadClickConversions`, { token, body: { conversions, ...extra } });

const lead = (over: Record<string, unknown> = {}) => ({
  conversionAction: actions['UPLOAD_CLICKS:IMPORTED_LEAD'],
  conversionDateTime: '2026-11-24 18:30:00+03:00',
  conversionValue: 1,
  currencyCode: 'SAR',
  orderId: `lead-${Math.random().toString(36).slice(2)}`,
  gclid: `EAIaIQobChMI${Math.random().toString(36).slice(2)}`,
  userIdentifiers: [{ userIdentifierSource: 'FIRST_PARTY', hashedEmail: sha('sara@midasfurniture.com') }, { hashedPhoneNumber: sha('+966501234567') }],
  consent: { adUserData: 'GRANTED', adPersonalization: 'GRANTED' },
  ...over,
});

describe('uploadClickConversions', () => {
  it('lists the upload conversion actions with GAQL', () => {
    expect(Object.keys(actions).sort()).toEqual(['UPLOAD_CLICKS:IMPORTED_LEAD', 'UPLOAD_CLICKS:PURCHASE', 'WEBPAGE:PURCHASE', 'WEBPAGE:SUBMIT_LEAD_FORM']);
  });

  it('accepts a good batch and records each conversion with where it went', async () => {
    const purchase = lead({ conversionAction: actions['UPLOAD_CLICKS:PURCHASE'], conversionValue: 1250.5, gclid: undefined, orderId: 'order-1001' });
    const res = await upload([lead({ orderId: 'lead-1' }), purchase]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.partialFailureError).toBeUndefined();
    expect(body.jobId).toMatch(/^\d+$/);
    expect(body.results[0]).toMatchObject({ gclid: expect.stringMatching(/^EAIaIQob/), conversionAction: actions['UPLOAD_CLICKS:IMPORTED_LEAD'], conversionDateTime: '2026-11-24 18:30:00+03:00' });
    const received = world.received.list('conversions', 'google');
    expect(received).toHaveLength(2);
    expect(received[1]).toMatchObject({ ...JSON.parse(JSON.stringify(purchase)), destination: actions['UPLOAD_CLICKS:PURCHASE'], customer_id: cid, job_id: body.jobId, platform: 'google' });
  });

  it('reports bad rows in partialFailureError by index and keeps the good ones', async () => {
    const res = await upload([
      lead(),
      lead({ userIdentifiers: [{ hashedEmail: 'Sara@Example.com' }] }),
      lead({ conversionDateTime: '2026-07-01 10:00:00+03:00' }),
      lead({ conversionDateTime: '2026-11-24T18:30:00Z' }),
      lead({ conversionAction: actions['WEBPAGE:PURCHASE'] }),
      lead({ conversionAction: `customers/${cid}/conversionActions/1` }),
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.results[0].gclid).toBeTruthy();
    expect(body.results.slice(1)).toEqual([{}, {}, {}, {}, {}]);
    const errors = body.partialFailureError.details[0].errors as Array<{ errorCode: Record<string, string>; location: { fieldPathElements: Array<{ fieldName: string; index?: number }> } }>;
    expect(errors.map((e) => [e.location.fieldPathElements[0]!.index, e.errorCode])).toEqual([
      [1, { offlineUserDataJobError: 'INVALID_SHA256_FORMAT' }],
      [2, { conversionUploadError: 'EXPIRED_EVENT' }],
      [3, { dateError: 'INVALID_STRING_DATE_TIME_SECONDS_WITH_OFFSET' }],
      [4, { conversionUploadError: 'INVALID_CONVERSION_ACTION_TYPE' }],
      [5, { conversionUploadError: 'NO_CONVERSION_ACTION_FOUND' }],
    ]);
    expect(errors[0]!.location.fieldPathElements).toEqual([{ fieldName: 'conversions', index: 1 }, { fieldName: 'user_identifiers', index: 0 }, { fieldName: 'hashed_email' }]);
    expect(world.received.list('conversions', 'google')).toHaveLength(1);
  });

  it('refuses duplicate order ids, within a request and across requests', async () => {
    const first = await upload([lead({ orderId: 'dup-1' })]);
    expect(first.json().partialFailureError).toBeUndefined();
    const res = await upload([lead({ orderId: 'dup-1' }), lead({ orderId: 'dup-2' }), lead({ orderId: 'dup-2' })]);
    const codes = res.json().partialFailureError.details[0].errors.map((e: { errorCode: Record<string, string> }) => e.errorCode.conversionUploadError);
    expect(codes).toEqual(['ORDER_ID_ALREADY_IN_USE', 'DUPLICATE_ORDER_ID', 'DUPLICATE_ORDER_ID']);
  });

  it.each<[string, () => unknown[], Record<string, unknown>, string | Record<string, string>]>([
    ['more than 2,000 conversions', () => Array.from({ length: 2001 }, () => lead()), { partialFailure: true }, { conversionUploadError: 'TOO_MANY_CONVERSIONS_IN_REQUEST' }],
    ['partialFailure false', () => [lead()], {}, { partialFailureError: 'PARTIAL_FAILURE_MODE_REQUIRED' }],
    ['an unknown field', () => [lead({ eventTime: 1 })], { partialFailure: true }, 'Unknown name "eventTime"'],
  ])('refuses %s as a whole', async (_n, conversions, extra, expected) => {
    const res = await upload(conversions(), extra);
    expect(res.statusCode).toBe(400);
    if (typeof expected === 'string') expect(res.json().error.message).toContain(expected);
    else expect(firstError(res).errorCode).toEqual(expected);
    expect(world.received.list('conversions', 'google')).toEqual([]);
  });

  it('records nothing when validateOnly', async () => {
    const res = await upload([lead()], { partialFailure: true, validateOnly: true });
    expect(res.statusCode).toBe(200);
    expect(world.received.list('conversions', 'google')).toEqual([]);
  });
});
