import http from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { signUp } from '../../src/accounts/signup.js';
import { houseScope } from '../../src/accounts/house.js';
import { recordLead, recordLeads, type LeadToRecord } from '../../src/capture/record-lead.js';
import { hubspotAdapter } from '../../src/crm/hubspot.js';
import { crmPushJob } from '../../src/crm/push-lead.job.js';
import { verifyWebhook } from '../../src/crm/webhook-signature.js';
import { zohoAdapter } from '../../src/crm/zoho.js';
import { CrmError } from '../../src/crm/errors.js';
import { newId } from '../../src/db/ids.js';
import { crmPushes, leads, type CrmPushRow } from '../../src/db/schema/index.js';
import { withTransaction } from '../../src/db/tx.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import { redactPaths } from '../../src/observability/logger.js';
import { createTestStack, testServices, type TestStack } from '../support/stack.js';

const HUBSPOT_TOKEN = 'pat-test-5e3c1a7f-hubspot-secret-token';
const ZOHO_SECRET = 'zoho-client-secret-9f8e7d';
const ZOHO_REFRESH = '1000.zoho-refresh-secret-4b3a';
const WEBHOOK_SECRET = 'whsec_stratum-test-secret-0123';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0 });
});
afterAll(() => sandbox?.close());

const sandboxGet = async <T>(path: string): Promise<T> => (await fetch(`${sandbox.url}${path}`)).json() as Promise<T>;
const sandboxPost = (path: string, body: unknown = {}) =>
  fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const signupPayload = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  full_name: 'Ahmed Al-Hassan',
  company_name: 'Midas Furniture',
  phone: '+966501234567',
  language: 'en',
  utm_source: 'facebook',
  utm_medium: 'cpc',
  utm_campaign: 'automation_launch',
  fbclid: 'IwAR3test',
  landing_url: 'https://stratum.example/?utm_source=facebook&fbclid=IwAR3test',
  password: 'correct horse battery',
  form_started_at: Date.now() - 30_000,
  ...extra,
});
const leadPayload = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  full_name: 'محمد بن سلمان آل سعود',
  company_name: 'Gulf Retail',
  language: 'ar',
  utm_source: 'google',
  gclid: 'Cj0KCQtest',
  form_started_at: Date.now() - 30_000,
  ...extra,
});

let ip = 10;
/** Each request its own client, so the intake rate limits never interfere. */
const post = (stack: TestStack, url: string, payload: unknown) =>
  stack.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers: { 'x-forwarded-for': `198.51.100.${ip++ % 250}` } });

async function pushFor(stack: TestStack, leadId: string): Promise<CrmPushRow | undefined> {
  const [row] = await stack.db.db.select().from(crmPushes).where(eq(crmPushes.leadId, leadId));
  return row;
}

async function waitForPush(stack: TestStack, leadId: string, done: (p: CrmPushRow) => boolean, what: string): Promise<CrmPushRow> {
  const until = Date.now() + 15_000;
  let last: CrmPushRow | undefined;
  while (Date.now() < until) {
    last = await pushFor(stack, leadId);
    if (last && done(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`push of ${leadId} never became ${what}; last: ${JSON.stringify(last)}`);
}

interface BossJob {
  id: string;
  state: string;
  retry_count: number;
  start_after: string;
  output: unknown;
}
async function jobOf(stack: TestStack, pushId: string): Promise<BossJob | undefined> {
  const { rows } = await stack.db.executor.executeSql(
    `select id, state, retry_count, start_after, output from pgboss.job where name = 'crm.push-lead' and data->'pushIds' @> jsonb_build_array($1::text)`,
    [pushId],
  );
  return rows[0] as BossJob | undefined;
}
/** pg-boss waits at least 30 s before a retry; a test does not. */
const retryNow = (stack: TestStack, jobId: string) =>
  stack.db.executor.executeSql(`update pgboss.job set start_after = now() where id = $1 and state = 'retry'`, [jobId]);

async function startStack(env: Record<string, string>): Promise<TestStack> {
  const stack = await createTestStack({ env: { TRUST_PROXY: 'true', ...env } });
  await stack.app.ready();
  await stack.queue.startWorkers();
  return stack;
}

// -----------------------------------------------------------------------------------------------
describe('CRM push to HubSpot', () => {
  let stack: TestStack;
  beforeAll(async () => {
    await sandboxPost('/_sandbox/crm/hubspot/reset');
    stack = await startStack({ CRM_PROVIDER: 'hubspot', HUBSPOT_API_URL: `${sandbox.url}/crm/hubspot`, HUBSPOT_ACCESS_TOKEN: HUBSPOT_TOKEN });
  });
  afterAll(() => stack?.close());

  interface HubspotContact {
    id: string;
    properties: Record<string, string>;
    writes: number;
  }
  const contacts = async () => (await sandboxGet<{ contacts: HubspotContact[]; requests: { path: string; status: number }[] }>('/_sandbox/crm/hubspot/contacts'));
  const contactOf = async (email: string) => (await contacts()).contacts.find((c) => c.properties.email === email);

  let firstContactId = '';

  it('owes a signup to the CRM in its transaction, and the job delivers it as a HubSpot contact', async () => {
    const res = await post(stack, '/api/v1/landing-cms/subscribe', signupPayload('ahmed@midasfurniture.com'));
    expect(res.statusCode).toBe(201);
    const leadId = res.json().lead_id as string;

    const push = await pushFor(stack, leadId);
    expect(push).toMatchObject({ workspaceId: 'ws_stratum', provider: 'hubspot' });
    expect(push!.id).toMatch(/^crm_/);
    expect(await jobOf(stack, push!.id)).toBeDefined();

    const sent = await waitForPush(stack, leadId, (p) => p.status === 'sent', 'sent');
    expect(sent).toMatchObject({ attempts: 1, lastHttpStatus: 200, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    const contact = await contactOf('ahmed@midasfurniture.com');
    expect(contact).toBeDefined();
    expect(sent.externalId).toBe(contact!.id);
    firstContactId = contact!.id;
    expect(contact!.properties).toMatchObject({
      firstname: 'Ahmed',
      lastname: 'Al-Hassan',
      company: 'Midas Furniture',
      phone: '+966501234567',
      stratum_lead_id: leadId,
      stratum_platform: 'meta',
      stratum_utm_source: 'facebook',
      stratum_utm_campaign: 'automation_launch',
      stratum_click_id: 'fbclid=IwAR3test',
    });
  });

  it('updates the same contact when the email comes again (a lead form after the signup)', async () => {
    const res = await post(stack, '/api/v1/landing-cms/lead', leadPayload('Ahmed@MidasFurniture.com', { phone: '+966 50 765 4321' }));
    expect(res.statusCode).toBe(201);
    const sent = await waitForPush(stack, res.json().lead_id, (p) => p.status === 'sent', 'sent');
    expect(sent.externalId).toBe(firstContactId);
    const all = (await contacts()).contacts.filter((c) => c.properties.email?.toLowerCase() === 'ahmed@midasfurniture.com');
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ writes: 2, properties: { phone: '+966507654321', firstname: 'محمد', lastname: 'بن سلمان آل سعود', stratum_platform: 'google' } });
  });

  it('retries a 429, no sooner than its Retry-After, and then delivers', async () => {
    await sandboxPost('/_sandbox/crm/hubspot/fail', { status: 429, count: 1, retryAfterSeconds: 120 });
    const res = await post(stack, '/api/v1/landing-cms/lead', leadPayload('rate@limited.sa'));
    const leadId = res.json().lead_id as string;
    const pending = await waitForPush(stack, leadId, (p) => p.attempts === 1, 'tried once');
    expect(pending).toMatchObject({ status: 'pending', lastHttpStatus: 429 });
    expect(pending.lastError).toContain('RATE_LIMITED');
    expect(pending.lastError).toContain('retry after 120 s');

    let job = await jobOf(stack, pending.id);
    for (let i = 0; i < 50 && job?.state !== 'retry'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await jobOf(stack, pending.id);
    }
    expect(job?.state).toBe('retry');
    // pg-boss alone would retry after 30–60 s; the Retry-After moved it to at least 120 s.
    expect(new Date(job!.start_after).getTime() - Date.now()).toBeGreaterThan(110_000);

    await retryNow(stack, job!.id);
    const sent = await waitForPush(stack, leadId, (p) => p.status === 'sent', 'sent');
    expect(sent).toMatchObject({ attempts: 2, lastHttpStatus: 200, lastError: null });
    const statuses = (await contacts()).requests.slice(-2).map((r) => r.status);
    expect(statuses).toEqual([429, 200]);
  });

  it('fails a 400 at once, without retrying, and keeps the error visible', async () => {
    await sandboxPost('/_sandbox/crm/hubspot/fail', { status: 400, count: 1 });
    const res = await post(stack, '/api/v1/landing-cms/lead', leadPayload('invalid@data.sa'));
    const failed = await waitForPush(stack, res.json().lead_id, (p) => p.status === 'failed', 'failed');
    expect(failed).toMatchObject({ attempts: 1, lastHttpStatus: 400, externalId: null, sentAt: null });
    expect(failed.lastError).toMatch(/^INVALID: HubSpot contact upsert: HTTP 400 VALIDATION_ERROR: Property values were not valid/);

    let job = await jobOf(stack, failed.id);
    for (let i = 0; i < 50 && job?.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await jobOf(stack, failed.id);
    }
    expect(job).toMatchObject({ state: 'failed', retry_count: 0 });
    const listed = await stack.queue.failedJobs();
    expect(listed.map((j) => j.id)).toContain(job!.id);

    const status = (await stack.app.inject('/api/v1/system/status')).json();
    expect(status.crm).toMatchObject({ provider: 'hubspot', ok: true, pushes: { failed: 1, pending: 0 } });
    expect(status.crm.pushes.sent).toBeGreaterThanOrEqual(3);
  });

  it('a rolled-back signup leaves neither the push nor its job', async () => {
    const jobsBefore = await stack.db.executor.executeSql(`select count(*)::int as n from pgboss.job where name = 'crm.push-lead'`, []);
    // The verification email is enqueued after the lead and its push: make that fail.
    const failingQueue = {
      enqueue: (def: { name: string }, payload: unknown, opts: unknown) =>
        def.name === 'accounts.email' ? Promise.reject(new Error('queue down')) : (stack.queue.enqueue as (...a: unknown[]) => Promise<string | null>)(def, payload, opts),
      enqueueMany: (...args: unknown[]) => (stack.queue.enqueueMany as (...a: unknown[]) => Promise<void>)(...args),
    } as unknown as JobQueue;
    const input = signupPayload('rolled@back.sa') as Parameters<typeof signUp>[1];
    await expect(signUp({ db: stack.db.db, queue: failingQueue, crmProvider: 'hubspot' }, input, { ip: null, userAgent: null, cookies: {}, now: new Date() })).rejects.toThrow('queue down');
    expect(await stack.db.db.select().from(leads).where(eq(leads.email, 'rolled@back.sa'))).toEqual([]);
    const jobsAfter = await stack.db.executor.executeSql(`select count(*)::int as n from pgboss.job where name = 'crm.push-lead'`, []);
    expect(jobsAfter.rows[0]!.n).toBe(jobsBefore.rows[0]!.n);
  });

  it('never logs or stores the token, also when HubSpot refuses it', async () => {
    // A lead recorded without a CRM, then owed by hand, so only this test's job run touches it.
    const lead = await withTransaction(stack.db.db, (tx) =>
      recordLead({ db: tx, queue: stack.queue, crmProvider: null }, houseScope, { email: 'secret@check.sa', full_name: 'Sara Khan', language: 'en', source_page: 'landing' } as Parameters<typeof recordLead>[2], { ip: null, userAgent: null, cookies: {}, now: new Date() }, { kind: 'lead', conversions: false }),
    );
    const pushId = newId('crmPush');
    await stack.db.db.insert(crmPushes).values({ id: pushId, workspaceId: 'ws_stratum', leadId: lead.id, provider: 'hubspot' });

    const lines: string[] = [];
    const log = pino({ level: 'trace', redact: { paths: redactPaths, censor: '[redacted]' } }, new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
    const run = (token: string, retryCount: number) =>
      crmPushJob.run(
        { workspaceId: 'ws_stratum', pushIds: [pushId] },
        { db: stack.db.db, log, jobId: 'j-secret', retryCount, now: () => new Date(), services: testServices(stack.db.db, 'http://stratum.test', hubspotAdapter({ apiUrl: `${sandbox.url}/crm/hubspot`, accessToken: token })) },
      );

    const wrongToken = 'wrong-token-7d6c5b4a3f';
    const err = await run(wrongToken, 0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrmError);
    expect(err).toMatchObject({ code: 'AUTH_EXPIRED', retryable: false, httpStatus: 401 });
    expect(await pushFor(stack, lead.id)).toMatchObject({ status: 'failed', lastHttpStatus: 401 });

    // Re-driven (`npm run jobs -- retry`): past the retry limit, with the right token now.
    await run(HUBSPOT_TOKEN, 7);
    const row = await pushFor(stack, lead.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });

    const everything = [lines.join('\n'), JSON.stringify(row), (err as Error).message].join('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of [wrongToken, HUBSPOT_TOKEN]) expect(everything).not.toContain(secret);
    const { rows } = await stack.db.executor.executeSql(`select output::text as o from pgboss.job where name = 'crm.push-lead'`, []);
    for (const r of rows) expect(String(r.o)).not.toContain(HUBSPOT_TOKEN);
  });

  it('sends a contact without attribution to a portal that lacks the stratum_* properties, and says so', async () => {
    await sandboxPost('/_sandbox/crm/hubspot/reset', { customProperties: false });
    const res = await post(stack, '/api/v1/landing-cms/lead', leadPayload('plain@portal.sa'));
    const sent = await waitForPush(stack, res.json().lead_id, (p) => p.status === 'sent', 'sent');
    expect(sent.lastError).toMatch(/HubSpot has no stratum_lead_id, .* contact properties: sent without attribution/);
    const contact = await contactOf('plain@portal.sa');
    expect(Object.keys(contact!.properties).filter((k) => k.startsWith('stratum_'))).toEqual([]);
    expect(contact!.properties).toMatchObject({ firstname: 'محمد', company: 'Gulf Retail' });
  });

  it('a burst of leads makes one job per committed batch, not one per lead, and every lead reaches HubSpot', async () => {
    await sandboxPost('/_sandbox/crm/hubspot/reset');
    const emails = Array.from({ length: 30 }, (_, i) => `burst${i}@wave.sa`);
    const responses = await Promise.all(emails.map((e) => post(stack, '/api/v1/landing-cms/lead', leadPayload(e))));
    expect(responses.map((r) => r.statusCode)).toEqual(emails.map(() => 201));
    const leadIds = responses.map((r) => r.json().lead_id as string);

    const pushes = await stack.db.db.select().from(crmPushes).where(inArray(crmPushes.leadId, leadIds));
    expect(pushes).toHaveLength(30);
    const pushIds = new Set(pushes.map((p) => p.id));
    // Group commit wrote the leads in a few transactions (one xmin each): one job per transaction.
    const { rows: tx } = await stack.db.executor.executeSql(`select count(distinct xmin::text)::int as n from crm_pushes where id = any($1)`, [[...pushIds]]);
    const batches = Number(tx[0]!.n);
    const { rows } = await stack.db.executor.executeSql(`select data from pgboss.job where name = 'crm.push-lead'`, []);
    const jobs = rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as { pushIds?: string[] }).filter((d) => d.pushIds?.some((id) => pushIds.has(id)));
    expect(jobs.length).toBe(batches);
    expect(jobs.length).toBeLessThan(leadIds.length);
    expect(jobs.flatMap((j) => j.pushIds!).sort()).toEqual([...pushIds].sort());

    for (const id of leadIds) await waitForPush(stack, id, (p) => p.status === 'sent', 'sent');
    const seen = await contacts();
    expect(seen.contacts.map((c) => c.properties.email).sort()).toEqual([...emails].sort());
    // One HubSpot call per job.
    expect(seen.requests.length).toBe(jobs.length);
  });

  it('a batch where HubSpot refuses one contact fails only that push; a repeated email in it is one input', async () => {
    await sandboxPost('/_sandbox/crm/hubspot/reset');
    const meta = { ip: null, userAgent: null, cookies: {}, now: new Date() };
    const item = (email: string, fullName: string): LeadToRecord => ({ input: { email, full_name: fullName, language: 'en', source_page: 'landing' } as LeadToRecord['input'], meta, kind: 'lead', conversions: false });
    // One transaction, so one job and one batch/upsert call.
    const recorded = await withTransaction(stack.db.db, (tx) =>
      recordLeads({ db: tx, queue: stack.queue, crmProvider: 'hubspot' }, houseScope, [
        item('first@batch.sa', 'Sara Khan'),
        item('refused@batch.invalid', 'Omar Saleh'),
        item('twice@batch.sa', 'Lina'),
        item('Twice@Batch.sa', 'Lina Haddad'),
      ]),
    );
    const [first, refused, twiceA, twiceB] = await Promise.all(recorded.map((l) => waitForPush(stack, l.id, (p) => p.status !== 'pending', 'settled')));
    expect(first).toMatchObject({ status: 'sent', attempts: 1, lastHttpStatus: 207, lastError: null });
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, lastHttpStatus: 207, externalId: null, sentAt: null });
    expect(refused!.lastError).toMatch(/^INVALID: HubSpot contact upsert: VALIDATION_ERROR: .*INVALID_EMAIL/);
    expect(twiceA).toMatchObject({ status: 'sent', attempts: 1 });
    expect(twiceB).toMatchObject({ status: 'sent', attempts: 1, externalId: twiceA!.externalId });

    const seen = await contacts();
    expect(seen.requests.map((r) => r.status)).toEqual([207]);
    expect(seen.contacts.map((c) => c.properties.email).sort()).toEqual(['first@batch.sa', 'twice@batch.sa']);
    // The later lead's values win, as if each had been upserted in turn.
    expect(seen.contacts.find((c) => c.properties.email === 'twice@batch.sa')).toMatchObject({ writes: 1, properties: { firstname: 'Lina', lastname: 'Haddad' } });

    // The job ends failed (nothing left to retry), listed with the refused push's error.
    let job = await jobOf(stack, refused!.id);
    for (let i = 0; i < 50 && job?.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await jobOf(stack, refused!.id);
    }
    expect(job).toMatchObject({ state: 'failed', retry_count: 0 });
    expect((await jobOf(stack, first!.id))!.id).toBe(job!.id);
  });
});

// -----------------------------------------------------------------------------------------------
describe('CRM push to Zoho CRM', () => {
  let stack: TestStack;
  beforeAll(async () => {
    await sandboxPost('/_sandbox/crm/zoho/reset');
    stack = await startStack({
      CRM_PROVIDER: 'zoho',
      ZOHO_ACCOUNTS_URL: `${sandbox.url}/crm/zoho/accounts`,
      ZOHO_API_URL: `${sandbox.url}/crm/zoho/api`,
      ZOHO_CLIENT_ID: '1000.TESTCLIENT',
      ZOHO_CLIENT_SECRET: ZOHO_SECRET,
      ZOHO_REFRESH_TOKEN: ZOHO_REFRESH,
    });
  });
  afterAll(() => stack?.close());

  interface ZohoState {
    leads: { id: string; fields: Record<string, string>; writes: number }[];
    requests: { path: string; status: number }[];
    tokenRefreshes: number;
  }
  const zohoState = () => sandboxGet<ZohoState>('/_sandbox/crm/zoho/leads');

  it('refreshes an access token and upserts the lead into Leads', async () => {
    const res = await post(stack, '/api/v1/landing-cms/subscribe', signupPayload('noura@gulf-retail.sa', { full_name: 'Noura' }));
    const sent = await waitForPush(stack, res.json().lead_id, (p) => p.status === 'sent', 'sent');
    const state = await zohoState();
    expect(state.tokenRefreshes).toBe(1);
    expect(state.leads).toHaveLength(1);
    expect(sent).toMatchObject({ provider: 'zoho', attempts: 1, lastHttpStatus: 201, externalId: state.leads[0]!.id });
    expect(state.leads[0]!.fields).toMatchObject({ Last_Name: 'Noura', Email: 'noura@gulf-retail.sa', Company: 'Midas Furniture', Phone: '+966501234567', Lead_Source: 'Facebook' });
    expect(state.leads[0]!.fields.First_Name).toBeUndefined();
    expect(state.leads[0]!.fields.Description).toContain('utm_source=facebook');
  });

  it('on INVALID_TOKEN refreshes once and retries at once, and a repeated email updates the lead', async () => {
    await sandboxPost('/_sandbox/crm/zoho/expire-tokens');
    const res = await post(stack, '/api/v1/landing-cms/lead', leadPayload('noura@gulf-retail.sa'));
    const sent = await waitForPush(stack, res.json().lead_id, (p) => p.status === 'sent', 'sent');
    const state = await zohoState();
    expect(sent).toMatchObject({ attempts: 1, lastHttpStatus: 200 });
    expect(state.tokenRefreshes).toBe(2);
    const upserts = state.requests.filter((r) => r.path.endsWith('/Leads/upsert')).map((r) => r.status);
    expect(upserts.slice(-2)).toEqual([401, 200]);
    expect(state.leads).toHaveLength(1);
    expect(state.leads[0]).toMatchObject({ id: sent.externalId, writes: 2, fields: { First_Name: 'محمد', Last_Name: 'بن سلمان آل سعود', Lead_Source: 'Advertisement' } });
  });

  it('retries a Zoho 5xx and then delivers', async () => {
    await sandboxPost('/_sandbox/crm/zoho/fail', { status: 503, count: 1 });
    const res = await post(stack, '/api/v1/landing-cms/lead', leadPayload('retry@zoho.sa'));
    const leadId = res.json().lead_id as string;
    const pending = await waitForPush(stack, leadId, (p) => p.attempts === 1, 'tried once');
    expect(pending).toMatchObject({ status: 'pending', lastHttpStatus: 503 });
    let job = await jobOf(stack, pending.id);
    for (let i = 0; i < 50 && job?.state !== 'retry'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await jobOf(stack, pending.id);
    }
    await retryNow(stack, job!.id);
    expect(await waitForPush(stack, leadId, (p) => p.status === 'sent', 'sent')).toMatchObject({ attempts: 2 });
  });

  it('a wrong refresh token is an error no retry can fix, and the secrets stay out of it', async () => {
    const adapter = zohoAdapter({ accountsUrl: `${sandbox.url}/crm/zoho/accounts`, apiUrl: `${sandbox.url}/crm/zoho/api`, clientId: '1000.TESTCLIENT', clientSecret: ZOHO_SECRET, refreshToken: 'revoked-refresh-token' });
    const [lead] = await stack.db.db.select().from(leads).limit(1);
    const err = await adapter.pushLeads([{ lead: lead!, eventId: 'crm_x' }], { now: new Date() }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'AUTH_EXPIRED', retryable: false });
    expect((err as Error).message).toContain('invalid_code');
    for (const secret of [ZOHO_SECRET, 'revoked-refresh-token', ZOHO_REFRESH]) expect((err as Error).message).not.toContain(secret);
    const rows = await stack.db.db.select().from(crmPushes);
    expect(JSON.stringify(rows)).not.toMatch(/1000\.[0-9a-f]{32}\.[0-9a-f]{32}|zoho-client-secret|zoho-refresh-secret/);
  });
});

// -----------------------------------------------------------------------------------------------
describe('CRM push to a signed webhook', () => {
  let stack: TestStack;
  let receiver: http.Server;
  const received: { headers: http.IncomingHttpHeaders; body: string; verified: boolean }[] = [];
  const answers: number[] = [];

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const verified = verifyWebhook(WEBHOOK_SECRET, { signature: req.headers['x-stratum-signature'] as string | undefined, timestamp: req.headers['x-stratum-timestamp'] as string | undefined }, body, new Date());
        received.push({ headers: req.headers, body, verified });
        res.statusCode = verified ? (answers.shift() ?? 204) : 401;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    stack = await startStack({ CRM_PROVIDER: 'webhook', CRM_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/stratum`, CRM_WEBHOOK_SECRET: WEBHOOK_SECRET });
  });
  afterAll(async () => {
    await stack?.close();
    await new Promise((r) => receiver?.close(r));
  });

  it('POSTs the lead.created event, signed so the receiver can verify it', async () => {
    const res = await post(stack, '/api/v1/landing-cms/lead', leadPayload('hook@receiver.sa', { phone: '0501234567' }));
    const leadId = res.json().lead_id as string;
    const sent = await waitForPush(stack, leadId, (p) => p.status === 'sent', 'sent');
    expect(sent).toMatchObject({ attempts: 1, lastHttpStatus: 204, externalId: null });
    const got = received.at(-1)!;
    expect(got.verified).toBe(true);
    expect(got.headers['x-stratum-event-id']).toBe(sent.id);
    expect(got.headers['x-stratum-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const event = JSON.parse(got.body);
    expect(event).toMatchObject({ id: sent.id, type: 'lead.created', version: 1 });
    expect(event.data.lead).toMatchObject({ id: leadId, email: 'hook@receiver.sa', phone: '+966501234567', platform: 'google', click_ids: { gclid: 'Cj0KCQtest' }, utm: { source: 'google' } });
    expect(got.body).not.toContain(WEBHOOK_SECRET);
  });

  it('retries a 503 with the same event id, freshly signed; a 410 fails for good', async () => {
    answers.push(503);
    const res = await post(stack, '/api/v1/landing-cms/lead', leadPayload('again@receiver.sa'));
    const leadId = res.json().lead_id as string;
    const pending = await waitForPush(stack, leadId, (p) => p.attempts === 1, 'tried once');
    expect(pending).toMatchObject({ status: 'pending', lastHttpStatus: 503 });
    let job = await jobOf(stack, pending.id);
    for (let i = 0; i < 50 && job?.state !== 'retry'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await jobOf(stack, pending.id);
    }
    await retryNow(stack, job!.id);
    await waitForPush(stack, leadId, (p) => p.status === 'sent', 'sent');
    const both = received.filter((r) => r.headers['x-stratum-event-id'] === pending.id);
    expect(both).toHaveLength(2);
    expect(both.every((r) => r.verified)).toBe(true);

    answers.push(410);
    const gone = await post(stack, '/api/v1/landing-cms/lead', leadPayload('gone@receiver.sa'));
    const failed = await waitForPush(stack, gone.json().lead_id, (p) => p.status === 'failed', 'failed');
    expect(failed).toMatchObject({ attempts: 1, lastHttpStatus: 410 });
    expect(failed.lastError).toContain('NOT_FOUND: Webhook: HTTP 410');
  });
});
