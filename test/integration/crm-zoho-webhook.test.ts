import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/crm/webhook-signature.js';
import { zohoAdapter } from '../../src/crm/zoho.js';
import { crmPushes, leads } from '../../src/db/schema/index.js';
import type { TestStack } from '../support/stack.js';
import { ZOHO_SECRET, ZOHO_REFRESH, WEBHOOK_SECRET, signupPayload, leadPayload, post, waitForPush, jobAwaitingRetry, retryNow, startStack, useCrmSandbox } from '../support/crm-harness.js';

/** Leads pushed to Zoho CRM (token refresh, upsert) and to a signed webhook. */
const sandbox = useCrmSandbox();

// -----------------------------------------------------------------------------------------------
describe('CRM push to Zoho CRM', () => {
  let stack: TestStack;
  beforeAll(async () => {
    await sandbox.post('/_sandbox/crm/zoho/reset');
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
  const zohoState = () => sandbox.get<ZohoState>('/_sandbox/crm/zoho/leads');

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
    await sandbox.post('/_sandbox/crm/zoho/expire-tokens');
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
    await sandbox.post('/_sandbox/crm/zoho/fail', { status: 503, count: 1 });
    const res = await post(stack, '/api/v1/landing-cms/lead', leadPayload('retry@zoho.sa'));
    const leadId = res.json().lead_id as string;
    const pending = await waitForPush(stack, leadId, (p) => p.attempts === 1, 'tried once');
    expect(pending).toMatchObject({ status: 'pending', lastHttpStatus: 503 });
    const job = await jobAwaitingRetry(stack, pending.id);
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
    const job = await jobAwaitingRetry(stack, pending.id);
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
