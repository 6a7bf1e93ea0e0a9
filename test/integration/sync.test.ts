import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useConnectHarness, type SignedIn } from '../support/connect-harness.js';
import { queryRows } from '../../src/db/rows.js';
import { addDays } from '../../src/shared/dates.js';
import { waitForMail } from '../support/mailbox.js';
import type { PlatformId } from '../../src/platforms/types.js';
import { eq } from 'drizzle-orm';
import { platformConnections } from '../../src/db/schema/index.js';
import { openTokens } from '../../src/connections/token-store.js';
import { connectionParts } from '../../src/connections/job-services.js';
import { syncDueJob } from '../../src/connections/sync/sync.job.js';

const h = useConnectHarness();

interface Day {
  date: string;
  spend: number;
  impressions: number;
  clicks: number;
  purchases: number;
  revenue: number;
  leads: number;
}

async function storedDays(user: SignedIn, adAccountId: string): Promise<Day[]> {
  return queryRows<Day>(
    h.stack.db.db,
    sql`select date::text as date, sum(spend_minor)::float8 as spend, sum(impressions)::float8 as impressions, sum(clicks)::float8 as clicks,
          sum(purchases)::float8 as purchases, sum(revenue_minor)::float8 as revenue, sum(leads)::float8 as leads
        from ad_daily_metrics where workspace_id = ${user.workspaceId} and ad_account_id = ${adAccountId}
        group by date having sum(impressions) > 0 or sum(spend_minor) > 0 order by date`,
  );
}

async function truthDays(platform: PlatformId, externalId: string, since: string, until: string): Promise<Day[]> {
  const t = (await h.truth(platform, externalId, since, until)) as { rows: Array<{ date: string; spend_minor: number; impressions: number; clicks: number; purchases: number; revenue_minor: number; leads: number }> };
  return t.rows
    .filter((r) => r.impressions > 0 || r.spend_minor > 0)
    .map((r) => ({ date: r.date, spend: r.spend_minor, impressions: r.impressions, clicks: r.clicks, purchases: r.purchases, revenue: r.revenue_minor, leads: r.leads }));
}

async function rowCount(user: SignedIn): Promise<number> {
  const [r] = await queryRows<{ n: number }>(h.stack.db.db, sql`select count(*)::int as n from ad_daily_metrics where workspace_id = ${user.workspaceId}`);
  return r!.n;
}

async function connectAll(user: SignedIn, platform: PlatformId) {
  const back = await h.connect(user, platform, { person: 'ahmed' });
  expect(back.search).toBe(`?select=${platform}`);
  await h.select(user, platform);
  return h.settled(user, platform);
}

describe('syncing connected ad accounts', () => {
  it.each(['meta', 'google', 'tiktok', 'snapchat'] as const)('%s: 30 days per account equal the sandbox’s own report, day by day', async (platform) => {
    const user = await h.signIn();
    const settled = await connectAll(user, platform);
    expect(settled.state).toBe('connected');
    for (const account of settled.accounts) {
      expect(account.syncStatus, account.lastError ?? '').toBe('synced');
      const stored = await storedDays(user, account.id);
      expect(stored.length).toBeGreaterThan(0);
      const until = stored.at(-1)!.date;
      const since = addDays(until, -29);
      expect(stored[0]!.date >= since).toBe(true);
      expect(stored).toEqual(await truthDays(platform, account.externalId, since, until));
    }
    const [entities] = await queryRows<{ campaigns: number; ads: number }>(
      h.stack.db.db,
      sql`select count(*) filter (where level = 'campaign')::int as campaigns, count(*) filter (where level = 'ad')::int as ads from ad_entities where workspace_id = ${user.workspaceId}`,
    );
    expect(entities!.campaigns).toBe(settled.accounts.reduce((n, a) => n + Number(a.progress.campaigns), 0));
    expect(entities!.ads).toBeGreaterThan(entities!.campaigns);
    const emq = await queryRows<{ pixel_id: string; event_name: string; match_quality: number | null }>(h.stack.db.db, sql`select pixel_id, event_name, match_quality from pixel_quality where workspace_id = ${user.workspaceId}`);
    if (platform === 'meta') {
      expect(emq.length).toBeGreaterThan(0);
      expect(emq.every((r) => r.match_quality === null || (r.match_quality >= 0 && r.match_quality <= 10))).toBe(true);
    } else expect(emq).toEqual([]);
  });

  it('the schedule queues an incremental sync of every working account, which re-reads the trailing days', async () => {
    const user = await h.signIn();
    const first = await connectAll(user, 'google');
    const before = new Map(first.accounts.map((a) => [a.id, a.lastSyncedAt]));
    await h.stack.queue.enqueue(syncDueJob, {});
    const until = Date.now() + 30_000;
    for (;;) {
      const p = (await h.status(user)).find((x) => x.platform === 'google')!;
      if (p.accounts.every((a) => a.syncStatus === 'synced' && a.lastSyncedAt !== before.get(a.id))) {
        expect(p.accounts.every((a) => a.progress.kind === 'incremental')).toBe(true);
        break;
      }
      if (Date.now() > until) throw new Error(`no incremental sync ran: ${JSON.stringify(p.accounts)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  // Meta asks for minutes when it throttles (tested in the adapter's contract test); here the
  // throttling is Snapchat's bare 429, retried within the sync.
  it.each([
    ['meta', { server_error: 0.1, malformed: 0.1 }],
    ['snapchat', { rate_limit: 0.1, server_error: 0.1 }],
    ['tiktok', { rate_limit: 0.1, malformed: 0.1 }],
  ] as const)('%s: a repeated sync changes nothing, and a fifth of requests failing ends with exactly the same rows', async (platform, faults) => {
    const user = await h.signIn();
    await connectAll(user, platform);
    const rows = () =>
      queryRows<{ ad: string; date: string; spend: number; clicks: number }>(
        h.stack.db.db,
        sql`select ad_external_id as ad, date::text as date, spend_minor::float8 as spend, clicks::float8 as clicks from ad_daily_metrics where workspace_id = ${user.workspaceId} order by 1, 2`,
      );
    const before = await rows();
    expect(before.length).toBeGreaterThan(0);
    for (const [kind, probability] of Object.entries(faults)) {
      expect((await h.sandboxPost('/_sandbox/faults', { platform, kind, probability })).status).toBe(201);
    }
    const again = await h.stack.app.inject({ method: 'POST', url: `/api/v1/connections/${platform}/sync`, headers: { origin: h.stack.config.http.publicUrl }, cookies: user.cookies });
    expect(again.statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 500));
    const settled = await h.settled(user, platform, 150_000);
    await fetch(`${h.sandbox.url}/_sandbox/faults?platform=${platform}`, { method: 'DELETE' });
    expect(settled.accounts.map((a) => a.lastError ?? a.syncStatus)).toEqual(settled.accounts.map(() => 'synced'));
    expect(await rows()).toEqual(before);
  }, 180_000);

  it('a revoked token marks the connection "needs reconnect", emails the owner once, and stops retrying', async () => {
    const user = await h.signIn({ email: `owner-${Date.now()}@midas.example` });
    await connectAll(user, 'google');
    expect((await h.sandboxPost('/_sandbox/faults', { platform: 'google', kind: 'revoked_token', probability: 1 })).status).toBe(201);
    await h.stack.app.inject({ method: 'POST', url: '/api/v1/connections/google/sync', headers: { origin: h.stack.config.http.publicUrl }, cookies: user.cookies });
    const until = Date.now() + 30_000;
    let state = '';
    while (Date.now() < until) {
      state = (await h.status(user)).find((p) => p.platform === 'google')!.state;
      if (state === 'needs_reconnect') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await fetch(`${h.sandbox.url}/_sandbox/faults?platform=google`, { method: 'DELETE' });
    expect(state).toBe('needs_reconnect');
    const mail = await waitForMail(async (p) => (await h.stack.app.inject(p)).json(), user.email, (m) => m.some((x) => x.subject.includes('Reconnect Google Ads')));
    expect(mail.filter((x) => x.subject.includes('Reconnect'))).toHaveLength(1);
    expect(mail[0]!.text).toContain('/connect?reconnect=google');
    const blocked = await h.stack.app.inject({ method: 'POST', url: '/api/v1/connections/google/sync', headers: { origin: h.stack.config.http.publicUrl }, cookies: user.cookies });
    expect(blocked.statusCode).toBe(409);
  });

  it('an access token the platform stops accepting early is refreshed once, and the sync goes on', async () => {
    const user = await h.signIn();
    await connectAll(user, 'snapchat');
    const sealed = async () => (await h.stack.db.db.select().from(platformConnections).where(eq(platformConnections.workspaceId, user.workspaceId)))[0]!;
    const before = await sealed();
    const { accessToken } = openTokens(connectionParts(h.stack.config).vault, user.workspaceId, 'snapchat', before.tokenCiphertext);
    expect((await h.sandboxPost('/_sandbox/tokens/expire', { platform: 'snapchat', token: accessToken })).status).toBe(200);
    await h.stack.app.inject({ method: 'POST', url: '/api/v1/connections/snapchat/sync', headers: { origin: h.stack.config.http.publicUrl }, cookies: user.cookies });
    await new Promise((r) => setTimeout(r, 500));
    const settled = await h.settled(user, 'snapchat');
    expect(settled.state).toBe('connected');
    expect(settled.accounts.every((a) => a.syncStatus === 'synced')).toBe(true);
    const after = await sealed();
    expect(after.tokenCiphertext).not.toBe(before.tokenCiphertext);
    expect(openTokens(connectionParts(h.stack.config).vault, user.workspaceId, 'snapchat', after.tokenCiphertext).accessToken).not.toBe(accessToken);
  });

  it("one workspace never sees another's connections, accounts or rows", async () => {
    const a = await h.signIn();
    await connectAll(a, 'tiktok');
    const b = await h.signIn();
    expect((await h.status(b)).every((p) => p.accounts.length === 0 && p.state === 'not_connected')).toBe(true);
    expect(await rowCount(b)).toBe(0);
    const del = await h.stack.app.inject({ method: 'DELETE', url: '/api/v1/connections/tiktok', headers: { origin: h.stack.config.http.publicUrl }, cookies: b.cookies });
    expect(del.statusCode).toBe(404);
    expect(await rowCount(a)).toBeGreaterThan(0);
  });
});
