import { waitForMail } from '../support/mailbox.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/index.js';
import { sequenceEmailJob } from '../../src/accounts/sequence-email.job.js';
import { createTestStack, silentLog, testServices, type TestStack } from '../support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await createTestStack({ env: { TRUST_PROXY: 'true' } });
  await stack.app.ready();
  await stack.queue.startWorkers();
});
afterAll(() => stack?.close());

const mailbox = (to: string, atLeast: number) => waitForMail(async (p) => (await stack.app.inject(p)).json(), to, (m) => m.length >= atLeast);

describe('the onboarding email sequence', () => {
  const email = 'noura@gulf-retail.sa';
  let userId = '';
  let workspaceId = '';
  let verifiedAt = new Date();

  it('is scheduled at verification: day 0, 1, 3 and 7', async () => {
    await stack.app.inject({
      method: 'POST',
      url: '/api/v1/landing-cms/subscribe',
      payload: { email, full_name: 'Noura Al-Saud', company_name: 'Gulf Retail', password: 'correct horse battery', language: 'ar' },
    });
    const [verify] = await mailbox(email, 1);
    const link = new URL(verify!.links.find((l) => l.includes('/auth/verify'))!);
    verifiedAt = new Date();
    expect((await stack.app.inject(link.pathname + link.search)).statusCode).toBe(302);
    const [user] = await stack.db.db.select().from(users).where(eq(users.email, email));
    userId = user!.id;
    workspaceId = user!.workspaceId;

    const { rows } = await stack.db.executor.executeSql(
      "select data->>'template' as template, start_after from pgboss.job where name = 'accounts.sequence-email' and data->>'userId' = $1",
      [userId],
    );
    const days = Object.fromEntries(rows.map((r) => [r.template, Math.round((new Date(r.start_after as string).getTime() - verifiedAt.getTime()) / 86_400_000)]));
    expect(days).toEqual({ welcome: 0, gettingStarted: 1, needHelpConnecting: 3, caseStudy: 7 });

    // The welcome email (due at once) goes out in the user's language, with one-click unsubscribe.
    const mail = await mailbox(email, 2);
    const welcome = mail[0]!;
    expect(welcome.headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:\d+\/api\/v1\/email\/unsubscribe\?token=[\w-]{43}>$/);
    expect(welcome.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  const runAt = (template: 'gettingStarted' | 'needHelpConnecting' | 'caseStudy', days: number) =>
    sequenceEmailJob.run(
      { workspaceId, userId, template },
      { db: stack.db.db, log: silentLog, jobId: `t-${template}`, retryCount: 0, now: () => new Date(verifiedAt.getTime() + days * 86_400_000), services: testServices(stack.db.db, stack.config.http.publicUrl) },
    );

  it('sends day 1 and day 3 when due (time driven by the clock given to the job)', async () => {
    await runAt('gettingStarted', 1);
    await runAt('needHelpConnecting', 3);
    expect(await mailbox(email, 4)).toHaveLength(4);
  });

  it('stops marketing email after the unsubscribe link is followed, and says so', async () => {
    const [latest] = await mailbox(email, 4);
    const unsub = new URL(latest!.headers['List-Unsubscribe']!.slice(1, -1));
    const page = await stack.app.inject(unsub.pathname + unsub.search);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You are unsubscribed');
    expect(page.body).toContain('تم إلغاء اشتراكك');
    // Following it again is harmless (mail clients prefetch links).
    expect((await stack.app.inject(unsub.pathname + unsub.search)).statusCode).toBe(200);

    await runAt('caseStudy', 7);
    expect(await mailbox(email, 4)).toHaveLength(4);
  });

  it('accepts the one-click POST that mail providers send, and refuses an unknown link', async () => {
    const [latest] = await mailbox(email, 4);
    const unsub = new URL(latest!.headers['List-Unsubscribe']!.slice(1, -1));
    const res = await stack.app.inject({
      method: 'POST',
      url: unsub.pathname + unsub.search,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unsubscribed: true });
    const bad = await stack.app.inject('/api/v1/email/unsubscribe?token=' + 'y'.repeat(43));
    expect(bad.statusCode).toBe(404);
  });
});
