import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import { crmPushes, leads, visitors } from '../../src/db/schema/index.js';
import { createTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  // A CRM that is never reached (workers are not started): each lead must still owe it a push.
  stack = await createTestStack({ env: { TRUST_PROXY: 'true', CRM_PROVIDER: 'hubspot', HUBSPOT_API_URL: 'http://127.0.0.1:9', HUBSPOT_ACCESS_TOKEN: 'pat-test-0000' } });
  await stack.app.ready();
});
afterAll(() => stack?.close());

const post = (n: number, extra: Record<string, unknown> = {}) =>
  stack.app.inject({
    method: 'POST',
    url: '/api/v1/landing-cms/lead',
    headers: { 'x-forwarded-for': `10.9.${n >> 8}.${n & 255}` },
    payload: { email: `burst-${n}@midasfurniture.com`, full_name: 'Ahmed Al-Hassan', language: 'en', source_page: 'demo', landing_url: 'https://stratum.example/?utm_source=tiktok&ttclid=E.C.P.burst', ...extra },
  });

describe('lead intake under a burst (group commit)', () => {
  it('acknowledges every lead only once it is stored, with its CRM push and job', async () => {
    const responses = await Promise.all(Array.from({ length: 120 }, (_, n) => post(n)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(120).fill(201));
    const ids = responses.map((r) => r.json().lead_id as string);
    expect(new Set(ids).size).toBe(120);
    expect(responses.every((r) => r.json().platform === 'tiktok')).toBe(true);

    const stored = await stack.db.db.select().from(leads).where(inArray(leads.id, ids));
    expect(stored).toHaveLength(120);
    // Written as one JSON parameter per batch: every kind of column must come back as it went in.
    const one = stored.find((l) => l.email === 'burst-7@midasfurniture.com')!;
    expect(one).toMatchObject({ kind: 'lead', fullName: 'Ahmed Al-Hassan', ttclid: 'E.C.P.burst', utmSource: 'tiktok', platform: 'tiktok', phoneE164: null, userId: null });
    expect(Math.abs(one.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(one.lastTouch).toMatchObject({ utm: { source: 'tiktok' }, clickIds: { ttclid: 'E.C.P.burst' } });
    expect(Array.isArray(one.scoreBreakdown) && one.scoreBreakdown.length > 0).toBe(true);
    expect(one.score).toBe(one.scoreBreakdown.reduce((sum, line) => sum + line.points, 0));
    const pushes = await stack.db.db.select({ id: crmPushes.id }).from(crmPushes).where(inArray(crmPushes.leadId, ids));
    expect(pushes).toHaveLength(120);
    // One delivery job per committed batch, carrying its pushes: every push exactly once, in far fewer jobs than leads.
    const jobs = await stack.db.executor.executeSql(`select data from pgboss.job where name = 'crm.push-lead'`, []);
    const owed = jobs.rows.flatMap((r) => (r.data as { pushIds: string[] }).pushIds);
    expect(owed.filter((id) => pushes.some((p) => p.id === id)).sort()).toEqual(pushes.map((p) => p.id).sort());
    expect(new Set(owed).size).toBe(owed.length);
    expect(jobs.rows.length).toBeLessThan(120 / 4);
  });

  it('folds one visitor sending twice in one batch into its first and last touch, in order', async () => {
    const visitor = 'v-burst-twice-000000000001';
    const [a, b] = await Promise.all([
      post(900, { visitor_id: visitor, landing_url: 'https://stratum.example/?utm_source=facebook&fbclid=IwAR-first' }),
      post(901, { visitor_id: visitor, landing_url: 'https://stratum.example/?utm_source=google&gclid=Cj-second' }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const [row] = await stack.db.db.select().from(visitors).where(sql`${visitors.id} = ${visitor}`);
    expect(row!.firstTouch!.clickIds).toEqual({ fbclid: 'IwAR-first' });
    expect(row!.lastTouch!.clickIds).toEqual({ gclid: 'Cj-second' });
    expect(b.json().platform).toBe('google');
    const [second] = await stack.db.db.select().from(leads).where(sql`${leads.id} = ${b.json().lead_id}`);
    expect(second!.firstTouch!.clickIds).toEqual({ fbclid: 'IwAR-first' });
  });
});
