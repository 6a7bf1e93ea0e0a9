import { afterAll, beforeAll, expect } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { createWorld } from '../../sandbox/world/index.js';
import type { PlatformId } from '../../src/platforms/types.js';
import { consent, type ConsentChoice } from '../../src/platforms/testing/consent.js';
import { createSignedInUser } from './factories.js';
import { createTestStack, type TestStack } from './stack.js';

export type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;

/**
 * Connecting ad platforms end to end, for the connection test files: the sandbox on a port of
 * its own, the app (with its sync workers) on a database of its own pointed at it, and a
 * pretend browser that carries the session cookie through start → consent → callback.
 */
export function useConnectHarness(env: Record<string, string> = {}) {
  let sandbox: RunningSandbox;
  let stack: TestStack;

  beforeAll(async () => {
    // The world's clock stands still: today's numbers grow with the real clock, and a test
    // comparing synced rows with the sandbox's report must see the same today twice.
    const frozen = new Date();
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, world: createWorld({ now: () => frozen, faultSeed: 7 }) });
    const port = new URL(sandbox.url).port;
    // Retries as in production, but with waits capped at 2 s so a test with faults stays short.
    stack = await createTestStack({ env: { SANDBOX_ENABLED: 'true', SANDBOX_HOST: '127.0.0.1', SANDBOX_PORT: port, CRM_PROVIDER: 'none', ...env }, adapters: { attempts: 8, maxBackoffMs: 2_000, timeoutMs: 5_000 } });
    await stack.app.ready();
    await stack.queue.startWorkers();
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await sandbox?.close();
  });

  const signIn = (opts: Parameters<typeof createSignedInUser>[1] = {}) => createSignedInUser(stack.db.db, opts);

  /** "Connect <platform>": the app's redirect to the consent screen. */
  async function start(user: SignedIn, platform: PlatformId): Promise<URL> {
    const res = await stack.app.inject({ url: `/api/v1/oauth/${platform}/start`, cookies: user.cookies });
    expect(res.statusCode, res.body).toBe(302);
    return new URL(String(res.headers.location));
  }

  /** The platform sends the browser back: where the app then sends it. */
  async function callback(user: SignedIn, returned: URL): Promise<URL> {
    const res = await stack.app.inject({ url: returned.pathname + returned.search, cookies: user.cookies });
    expect(res.statusCode, res.body).toBe(302);
    return new URL(String(res.headers.location), 'http://app.test');
  }

  /** The platform's redirect back to the app, before the app sees it. */
  async function authorize(user: SignedIn, platform: PlatformId, choice: ConsentChoice = {}): Promise<URL> {
    return consent(await start(user, platform), choice);
  }

  async function connect(user: SignedIn, platform: PlatformId, choice: ConsentChoice = {}): Promise<URL> {
    return callback(user, await authorize(user, platform, choice));
  }

  async function status(user: SignedIn) {
    const res = await stack.app.inject({ url: '/api/v1/connections', cookies: user.cookies });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().platforms as Array<{ platform: PlatformId; state: string; accounts: Array<{ id: string; externalId: string; syncStatus: string; lastError: string | null; lastSyncedAt: string | null; progress: Record<string, unknown> }> }>;
  }

  async function select(user: SignedIn, platform: PlatformId, accountIds?: string[]) {
    const listed = await stack.app.inject({ url: `/api/v1/connections/${platform}/accounts`, cookies: user.cookies });
    expect(listed.statusCode, listed.body).toBe(200);
    const ids = accountIds ?? (listed.json().accounts as Array<{ externalId: string }>).map((a) => a.externalId);
    const res = await stack.app.inject({
      method: 'POST',
      url: `/api/v1/connections/${platform}/accounts`,
      payload: { account_ids: ids },
      headers: { origin: stack.config.http.publicUrl },
      cookies: user.cookies,
    });
    expect(res.statusCode, res.body).toBe(202);
    return ids;
  }

  /** Waits until no account of the platform is queued or syncing. */
  async function settled(user: SignedIn, platform: PlatformId, timeoutMs = 60_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const p = (await status(user)).find((x) => x.platform === platform)!;
      if (p.accounts.length && p.accounts.every((a) => a.syncStatus !== 'queued' && a.syncStatus !== 'syncing')) return p;
      if (Date.now() > until) throw new Error(`sync did not settle: ${JSON.stringify(p)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The sandbox's own numbers (minor units) for an account, per day. */
  async function truth(platform: PlatformId, externalId: string, since: string, until: string) {
    const res = await fetch(`${sandbox.url}/_sandbox/accounts/${platform}/${externalId}/report?since=${since}&until=${until}&level=account`);
    expect(res.status).toBe(200);
    return (await res.json()) as unknown;
  }

  async function sandboxPost(path: string, body: unknown) {
    const res = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  }

  return {
    get stack() {
      return stack;
    },
    get sandbox() {
      return sandbox;
    },
    signIn,
    start,
    callback,
    authorize,
    connect,
    status,
    select,
    settled,
    truth,
    sandboxPost,
  };
}
