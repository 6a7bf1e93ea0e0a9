import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useConnectHarness } from '../support/connect-harness.js';
import { queryRows } from '../../src/db/rows.js';
import { openTokens } from '../../src/connections/token-store.js';
import { platformConnections } from '../../src/db/schema/index.js';
import { eq } from 'drizzle-orm';
import { connectionParts } from '../../src/connections/job-services.js';

const h = useConnectHarness();

/** Every text column of every table, searched for a value: tokens must never be stored in plaintext. */
async function databaseContains(needle: string): Promise<string[]> {
  const tables = await queryRows<{ table_name: string }>(h.stack.db.db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const rows = await queryRows<{ n: number }>(h.stack.db.db, sql`select count(*)::int as n from ${sql.identifier(table_name)} t where t::text like ${'%' + needle + '%'}`);
    if (rows[0]!.n > 0) hits.push(table_name);
  }
  return hits;
}

describe('connecting an ad platform', () => {
  it('start redirects to the consent screen with a state; the callback stores a sealed token and offers the accounts', async () => {
    const user = await h.signIn();
    const authorize = await h.start(user, 'meta');
    expect(authorize.pathname).toMatch(/\/meta\/www\/v\d+\.0\/dialog\/oauth$/);
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${h.stack.config.http.publicUrl}/api/v1/oauth/meta/callback`);

    const back = await h.callback(user, await (await import('../../src/platforms/testing/consent.js')).consent(authorize, { person: 'ahmed' }));
    expect(back.pathname + back.search).toBe('/connect?select=meta');

    const accounts = await h.stack.app.inject({ url: '/api/v1/connections/meta/accounts', cookies: user.cookies });
    expect(accounts.statusCode).toBe(200);
    const listed = accounts.json().accounts as Array<{ name: string; currency: string; connected: boolean }>;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((a) => a.name.includes('Midas Furniture'))).toBe(true);

    const [conn] = await h.stack.db.db.select().from(platformConnections).where(eq(platformConnections.workspaceId, user.workspaceId));
    expect(conn!.status).toBe('selecting');
    const tokens = openTokens(connectionParts(h.stack.config).vault, user.workspaceId, 'meta', conn!.tokenCiphertext);
    expect(tokens.accessToken.length).toBeGreaterThan(10);
    // Meta's long-lived token: about 60 days.
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeGreaterThan(50 * 86_400_000);
    expect(await databaseContains(tokens.accessToken)).toEqual([]);
  });

  it.each([
    ['a state this server never issued', async (u: Awaited<ReturnType<typeof h.signIn>>) => { const r = await h.authorize(u, 'meta'); r.searchParams.set('state', 'x'.repeat(43)); return r; }, 'bad_state'],
    ['no state at all', async (u: Awaited<ReturnType<typeof h.signIn>>) => { const r = await h.authorize(u, 'meta'); r.searchParams.delete('state'); return r; }, 'bad_state'],
    ['a denied consent', (u: Awaited<ReturnType<typeof h.signIn>>) => h.authorize(u, 'meta', { decision: 'deny' }), 'denied'],
    ['a denied Google consent', (u: Awaited<ReturnType<typeof h.signIn>>) => h.authorize(u, 'google', { decision: 'deny' }), 'denied'],
  ])('returns to the connect page with a clear reason on %s', async (_name, makeReturn, problem) => {
    const user = await h.signIn();
    const returned = await makeReturn(user);
    const back = await h.callback(user, returned);
    expect(back.pathname).toBe('/connect');
    expect(back.searchParams.get('error')).toBe(problem);
    const status = (await h.status(user)).find((p) => p.platform === returned.pathname.split('/')[4])!;
    expect(status.state).toBe('not_connected');
  });

  it('refuses a replayed callback and a replayed code', async () => {
    const user = await h.signIn();
    const first = await h.authorize(user, 'meta');
    expect((await h.callback(user, first)).search).toBe('?select=meta');
    // The same redirect again: its state is spent.
    expect((await h.callback(user, first)).searchParams.get('error')).toBe('bad_state');
    // A fresh state carrying the spent code: the platform refuses the code.
    const second = await h.start(user, 'meta');
    const replay = new URL(first);
    replay.searchParams.set('state', second.searchParams.get('state')!);
    expect((await h.callback(user, replay)).searchParams.get('error')).toBe('exchange_failed');
  });

  it("refuses a callback that comes back to another user's session", async () => {
    const alice = await h.signIn();
    const mallory = await h.signIn();
    const returned = await h.authorize(alice, 'meta');
    expect((await h.callback(mallory, returned)).searchParams.get('error')).toBe('bad_state');
    expect((await h.status(mallory)).find((p) => p.platform === 'meta')!.state).toBe('not_connected');
  });

  it('asks a signed-out browser to sign in, and a viewer may not connect', async () => {
    const res = await h.stack.app.inject({ url: '/api/v1/oauth/meta/start' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toMatch(/^\/login/);
    const owner = await h.signIn();
    const viewer = await h.signIn({ role: 'viewer', workspaceId: owner.workspaceId });
    const denied = await h.stack.app.inject({ url: '/api/v1/oauth/meta/start', cookies: viewer.cookies });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
  });

  it('validates the selection: unknown accounts, empty lists and wrong types are 400s', async () => {
    const user = await h.signIn();
    await h.connect(user, 'meta');
    for (const payload of [{ account_ids: ['999999999'] }, { account_ids: [] }, { account_ids: 'all' }, {}]) {
      const res = await h.stack.app.inject({ method: 'POST', url: '/api/v1/connections/meta/accounts', payload, headers: { origin: h.stack.config.http.publicUrl }, cookies: user.cookies });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const other = await h.signIn();
    const res = await h.stack.app.inject({ url: '/api/v1/connections/meta/accounts', cookies: other.cookies });
    expect(res.statusCode).toBe(404);
  });
});
