import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { signUp } from '../../src/accounts/signup.js';
import { houseScope } from '../../src/accounts/house.js';
import { recordLead, recordLeads, type LeadToRecord } from '../../src/capture/record-lead.js';
import { hubspotAdapter } from '../../src/crm/hubspot.js';
import { crmPushJob } from '../../src/crm/push-lead.job.js';
import { CrmError } from '../../src/crm/errors.js';
import { newId } from '../../src/db/ids.js';
import { crmPushes, leads } from '../../src/db/schema/index.js';
import { withTransaction } from '../../src/db/tx.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import { redactPaths } from '../../src/observability/logger.js';
import { testServices, type TestStack } from '../support/stack.js';
import { HUBSPOT_TOKEN, signupPayload, leadPayload, post, pushFor, waitForPush, jobOf, jobAwaitingRetry, retryNow, startStack, useCrmSandbox } from '../support/crm-harness.js';

/** Leads pushed to HubSpot through the sandbox's imitation: delivery, updates, retries, failures, batches, secrets. */
const sandbox = useCrmSandbox();

// -----------------------------------------------------------------------------------------------
describe('CRM push to HubSpot', () => {
  let stack: TestStack;
  beforeAll(async () => {
    await sandbox.post('/_sandbox/crm/hubspot/reset');
    stack = await startStack({ CRM_PROVIDER: 'hubspot', HUBSPOT_API_URL: `${sandbox.url}/crm/hubspot`, HUBSPOT_ACCESS_TOKEN: HUBSPOT_TOKEN });
  });
  afterAll(() => stack?.close());

  interface HubspotContact {
    id: string;
    properties: Record<string, string>;
    writes: number;
  }
  const contacts = async () => (await sandbox.get<{ contacts: HubspotContact[]; requests: { path: string; status: number }[] }>('/_sandbox/crm/hubspot/contacts'));
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
    await sandbox.post('/_sandbox/crm/hubspot/fail', { status: 429, count: 1, retryAfterSeconds: 120 });
    const res = await post(stack, '/api/v1/landing-cms/lead', leadPayload('rate@limited.sa'));
    const leadId = res.json().lead_id as string;
    const pending = await waitForPush(stack, leadId, (p) => p.attempts === 1, 'tried once');
    expect(pending).toMatchObject({ status: 'pending', lastHttpStatus: 429 });
    expect(pending.lastError).toContain('RATE_LIMITED');
    expect(pending.lastError).toContain('retry after 120 s');

    const job = await jobAwaitingRetry(stack, pending.id);
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
    await sandbox.post('/_sandbox/crm/hubspot/fail', { status: 400, count: 1 });
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
    await sandbox.post('/_sandbox/crm/hubspot/reset', { customProperties: false });
    const res = await post(stack, '/api/v1/landing-cms/lead', leadPayload('plain@portal.sa'));
    const sent = await waitForPush(stack, res.json().lead_id, (p) => p.status === 'sent', 'sent');
    expect(sent.lastError).toMatch(/HubSpot has no stratum_lead_id, .* contact properties: sent without attribution/);
    const contact = await contactOf('plain@portal.sa');
    expect(Object.keys(contact!.properties).filter((k) => k.startsWith('stratum_'))).toEqual([]);
    expect(contact!.properties).toMatchObject({ firstname: 'محمد', company: 'Gulf Retail' });
  });

  it('a burst of leads makes one job per committed batch, not one per lead, and every lead reaches HubSpot', async () => {
    await sandbox.post('/_sandbox/crm/hubspot/reset');
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
    await sandbox.post('/_sandbox/crm/hubspot/reset');
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
