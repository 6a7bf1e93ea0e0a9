import { afterAll, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { crmPushes, type CrmPushRow } from '../../src/db/schema/index.js';
import { createTestStack, type TestStack } from './stack.js';

export const HUBSPOT_TOKEN = 'pat-test-5e3c1a7f-hubspot-secret-token';
export const ZOHO_SECRET = 'zoho-client-secret-9f8e7d';
export const ZOHO_REFRESH = '1000.zoho-refresh-secret-4b3a';
export const WEBHOOK_SECRET = 'whsec_stratum-test-secret-0123';

/** The sandbox (HubSpot and Zoho) on a port of its own for one test file; `url` once it has started. */
export function useCrmSandbox() {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => sandbox?.close());
  return {
    get url() {
      return sandbox.url;
    },
    get: async <T>(path: string): Promise<T> => (await fetch(`${sandbox.url}${path}`)).json() as Promise<T>,
    post: (path: string, body: unknown = {}) =>
      fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  };
}


export const signupPayload = (email: string, extra: Record<string, unknown> = {}) => ({
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
export const leadPayload = (email: string, extra: Record<string, unknown> = {}) => ({
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
export const post = (stack: TestStack, url: string, payload: unknown) =>
  stack.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers: { 'x-forwarded-for': `198.51.100.${ip++ % 250}` } });

export async function pushFor(stack: TestStack, leadId: string): Promise<CrmPushRow | undefined> {
  const [row] = await stack.db.db.select().from(crmPushes).where(eq(crmPushes.leadId, leadId));
  return row;
}

export async function waitForPush(stack: TestStack, leadId: string, done: (p: CrmPushRow) => boolean, what: string): Promise<CrmPushRow> {
  const until = Date.now() + 15_000;
  let last: CrmPushRow | undefined;
  while (Date.now() < until) {
    last = await pushFor(stack, leadId);
    if (last && done(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`push of ${leadId} never became ${what}; last: ${JSON.stringify(last)}`);
}

export interface BossJob {
  id: string;
  state: string;
  retry_count: number;
  start_after: string;
  output: unknown;
}
export async function jobOf(stack: TestStack, pushId: string): Promise<BossJob | undefined> {
  const { rows } = await stack.db.executor.executeSql(
    `select id, state, retry_count, start_after, output from pgboss.job where name = 'crm.push-lead' and data->'pushIds' @> jsonb_build_array($1::text)`,
    [pushId],
  );
  return rows[0] as BossJob | undefined;
}
/** pg-boss waits at least 30 s before a retry; a test does not. */
/** The push's job once pg-boss has put it back for a retry (it records the failure just after the handler throws). */
export async function jobAwaitingRetry(stack: TestStack, pushId: string): Promise<BossJob | undefined> {
  let job = await jobOf(stack, pushId);
  for (let i = 0; i < 50 && job?.state !== 'retry'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = await jobOf(stack, pushId);
  }
  return job;
}

export const retryNow = (stack: TestStack, jobId: string) =>
  stack.db.executor.executeSql(`update pgboss.job set start_after = now() where id = $1 and state = 'retry'`, [jobId]);

export async function startStack(env: Record<string, string>): Promise<TestStack> {
  const stack = await createTestStack({ env: { TRUST_PROXY: 'true', ...env } });
  await stack.app.ready();
  await stack.queue.startWorkers();
  return stack;
}

