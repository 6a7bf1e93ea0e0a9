import { describe, expect, it } from 'vitest';
import { CrmError } from './errors.js';
import type { HttpResult } from './http.js';
import { groupByEmail, hubspotOutcomes, type HubspotInputGroup } from './hubspot.js';
import type { CrmLead } from './map.js';
import { chunk } from './owe-push.js';
import { jobErrorOf } from './push-lead.job.js';
import type { PushOutcome } from './types.js';
import { webhookAdapter } from './webhook.js';
import { zohoOutcomes } from './zoho.js';

const now = new Date('2026-11-20T10:00:00Z');
const res = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResult => ({ status, body, headers: new Headers(headers) });
/** An outcome as a short string, for tables. */
const brief = (o: PushOutcome | { status: 'missing-properties'; properties: string[] } | undefined): string => {
  if (!o) return 'none';
  if (o.status === 'sent') return `sent ${o.externalId ?? 'null'}`;
  if (o.status === 'missing-properties') return `missing ${o.properties.join(',')}`;
  return `${o.error.retryable ? 'retry' : 'fail'} ${o.error.code}`;
};

describe('HubSpot batch inputs', () => {
  const lead = (email: string) => ({ email }) as CrmLead;
  it('one input per email, case-insensitively, named by the first push', () => {
    const groups = groupByEmail([
      { lead: lead('a@x.sa'), eventId: 'crm_1' },
      { lead: lead('b@x.sa'), eventId: 'crm_2' },
      { lead: lead('A@X.sa'), eventId: 'crm_3' },
    ]);
    expect(groups).toEqual([
      { traceId: 'crm_1', email: 'a@x.sa', positions: [0, 2] },
      { traceId: 'crm_2', email: 'b@x.sa', positions: [1] },
    ]);
  });
});

describe('HubSpot batch/upsert answers', () => {
  const groups: HubspotInputGroup[] = [
    { traceId: 't1', email: 'a@x.sa', positions: [0] },
    { traceId: 't2', email: 'b@x.sa', positions: [1] },
    { traceId: 't3', email: 'c@x.sa', positions: [2] },
  ];
  const result = (id: string, extra: Record<string, unknown> = {}) => ({ id, new: true, properties: {}, ...extra });
  const invalidEmail = (trace: string) => ({
    status: 'error',
    category: 'VALIDATION_ERROR',
    message: 'Property values were not valid: [{"error":"INVALID_EMAIL"}]',
    context: { objectWriteTraceId: [trace] },
    errors: [{ code: 'INVALID_EMAIL', in: 'email', message: 'Email address is invalid' }],
  });

  it.each([
    ['200, results named by objectWriteTraceId (any order)', res(200, { status: 'COMPLETE', results: [result('3', { objectWriteTraceId: 't3' }), result('1', { objectWriteTraceId: 't1' }), result('2', { objectWriteTraceId: 't2' })] }), ['sent 1', 'sent 2', 'sent 3']],
    ['200, results named only by their email', res(200, { results: [result('2', { properties: { email: 'B@x.sa' } }), result('1', { properties: { email: 'a@x.sa' } }), result('3', { properties: { email: 'c@x.sa' } })] }), ['sent 1', 'sent 2', 'sent 3']],
    ['200, unnamed but complete: input order', res(200, { results: [result('1'), result('2'), result('3')] }), ['sent 1', 'sent 2', 'sent 3']],
    ['207, one input refused', res(207, { status: 'COMPLETE', results: [result('1', { objectWriteTraceId: 't1' }), result('3', { objectWriteTraceId: 't3' })], numErrors: 1, errors: [invalidEmail('t2')] }), ['sent 1', 'fail INVALID', 'sent 3']],
    ['207, an input rate limited', res(207, { results: [result('1', { objectWriteTraceId: 't1' }), result('2', { objectWriteTraceId: 't2' })], errors: [{ category: 'RATE_LIMITS', message: 'slow down', context: { objectWriteTraceId: ['t3'] } }] }), ['sent 1', 'sent 2', 'retry TRANSIENT']],
    ['207, a missing attribution property', res(207, { results: [], errors: [{ category: 'VALIDATION_ERROR', message: 'PROPERTY_DOESNT_EXIST stratum_score', context: { objectWriteTraceId: ['t1', 't2', 't3'] } }] }), ['missing stratum_score', 'missing stratum_score', 'missing stratum_score']],
    ['207, an error naming no input: the unanswered ones', res(207, { results: [result('1', { objectWriteTraceId: 't1' })], errors: [{ category: 'VALIDATION_ERROR', message: 'bad' }] }), ['sent 1', 'fail INVALID', 'fail INVALID']],
    ['200, an input left unanswered: retried', res(200, { results: [result('1', { objectWriteTraceId: 't1' }), result('2', { objectWriteTraceId: 't2' })] }), ['sent 1', 'sent 2', 'retry UNKNOWN']],
  ])('%s', (_case, answer, expected) => {
    const out = hubspotOutcomes(answer, groups, now);
    expect(groups.map((g) => brief(out.get(g.traceId)))).toEqual(expected);
  });

  it.each([
    [res(429, { status: 'error', errorType: 'RATE_LIMIT', message: 'ten_secondly_rolling' }, { 'retry-after': '10' }), { code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 10 }],
    [res(400, { status: 'error', category: 'VALIDATION_ERROR', message: 'Duplicate IDs found in batch input' }), { code: 'INVALID', retryable: false, httpStatus: 400 }],
    [res(401, { status: 'error', category: 'INVALID_AUTHENTICATION' }), { code: 'AUTH_EXPIRED', retryable: false }],
    [res(200, 'not json'), { code: 'UNKNOWN', retryable: true }],
  ])('a whole-call failure is thrown: %#', (answer, expected) => {
    expect(() => hubspotOutcomes(answer, groups, now)).toThrow(expect.objectContaining(expected) as Error);
  });
});

describe('Zoho Leads/upsert answers', () => {
  const ok = (id: string, action = 'insert') => ({ code: 'SUCCESS', action, details: { id }, message: 'record added', status: 'success' });
  const bad = (code: string, apiName: string) => ({ code, details: { api_name: apiName, json_path: '$.data[1]' }, message: 'invalid data', status: 'error' });

  it.each([
    ['201, all inserted', res(201, { data: [ok('1'), ok('2')] }), ['sent 1', 'sent 2']],
    ['200, updated', res(200, { data: [ok('1', 'update'), ok('2', 'update')] }), ['sent 1', 'sent 2']],
    ['207, the second refused', res(207, { data: [ok('1'), bad('INVALID_DATA', 'Email')] }), ['sent 1', 'fail INVALID']],
    ['400, every record refused', res(400, { data: [bad('MANDATORY_NOT_FOUND', 'Last_Name'), bad('INVALID_DATA', 'Email')] }), ['fail INVALID', 'fail INVALID']],
  ])('%s', (_case, answer, expected) => {
    expect(zohoOutcomes(answer, 2, now).map(brief)).toEqual(expected);
  });

  it('names the refused field in the error', () => {
    const [, second] = zohoOutcomes(res(207, { data: [ok('1'), bad('INVALID_DATA', 'Email')] }), 2, now);
    expect(second).toMatchObject({ status: 'failed', error: { message: 'Zoho lead upsert: INVALID_DATA invalid data (Email)', httpStatus: 207 } });
  });

  it.each([
    [res(401, { code: 'INVALID_TOKEN', message: 'invalid oauth token', status: 'error' }), { code: 'AUTH_EXPIRED', retryable: false }],
    [res(429, { code: 'TOO_MANY_REQUESTS', status: 'error' }, { 'retry-after': '60' }), { code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 60 }],
    [res(400, { code: 'INVALID_DATA', message: 'the input data is invalid', status: 'error' }), { code: 'INVALID', retryable: false }],
    [res(200, { data: [ok('1')] }), { code: 'UNKNOWN', retryable: true }],
  ])('a whole-call failure, or an answer that does not fit the batch, is thrown: %#', (answer, expected) => {
    expect(() => zohoOutcomes(answer, 2, now)).toThrow(expect.objectContaining(expected) as Error);
  });
});

describe('the job\'s error', () => {
  const e = (code: CrmError['code'], retryable: boolean, retryAfterSeconds: number | null = null) => new CrmError(code, { code, retryable, retryAfterSeconds });
  it.each([
    ['none failed', [], 3, null],
    ['one push alone: its own error', [e('AUTH_EXPIRED', false)], 1, { code: 'AUTH_EXPIRED', retryable: false, message: 'AUTH_EXPIRED' }],
    ['only permanent failures: no retry', [e('INVALID', false), e('INVALID', false)], 5, { code: 'INVALID', retryable: false }],
    ['any retryable: retried, after the longest Retry-After', [e('INVALID', false), e('RATE_LIMITED', true, 30), e('RATE_LIMITED', true, 120)], 5, { code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 120 }],
  ])('%s', (_case, failures, total, expected) => {
    const err = jobErrorOf(failures, total);
    if (expected === null) expect(err).toBeNull();
    else expect(err).toMatchObject(expected);
  });
});

describe('chunks of push ids', () => {
  it.each([
    [0, []],
    [1, [1]],
    [100, [100]],
    [101, [100, 1]],
    [250, [100, 100, 50]],
  ])('%i ids → jobs of %j', (n, sizes) => {
    expect(chunk(Array.from({ length: n }, (_, i) => i)).map((c) => c.length)).toEqual(sizes);
  });
});

describe('webhook batches', () => {
  const lead = (id: string) => ({ id, kind: 'lead', email: `${id}@x.sa`, fullName: null, companyName: null, phoneE164: null, phoneRaw: null, language: 'en', sourcePage: null, utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null, utmTerm: null, fbclid: null, gclid: null, gbraid: null, wbraid: null, ttclid: null, sccid: null, referrerUrl: null, landingUrl: null, platform: 'direct', platformVia: 'none', score: 0, scoreBreakdown: [], createdAt: now }) as unknown as CrmLead;

  it.each([
    ['all accepted: one POST each, in order', [204, 204, 204], ['sent null', 'sent null', 'sent null'], 3],
    ['a permanent refusal does not stop the others', [410, 204, 204], ['fail NOT_FOUND', 'sent null', 'sent null'], 3],
    ['a retryable failure stops the batch: the rest wait for the retry', [204, 503, 204], ['sent null', 'retry TRANSIENT', 'retry TRANSIENT'], 2],
  ])('%s', async (_case, statuses, expected, posts) => {
    const answers = [...statuses];
    const seen: string[] = [];
    const fetchImpl = async (_url: string | URL, init: RequestInit) => {
      seen.push(new Headers(init.headers).get('x-stratum-event-id')!);
      return new Response(null, { status: answers.shift()! });
    };
    const adapter = webhookAdapter({ url: 'https://hooks.example.com/x', secret: 'whsec_0123456789abcdef' }, fetchImpl);
    const out = await adapter.pushLeads(['a', 'b', 'c'].map((id) => ({ lead: lead(id), eventId: `crm_${id}` })), { now });
    expect(out.map(brief)).toEqual(expected);
    expect(seen).toEqual(['crm_a', 'crm_b', 'crm_c'].slice(0, posts));
    if (posts < 3) expect(out[2]).toMatchObject({ status: 'failed', attempted: false });
  });
});
