import { afterAll, beforeAll, expect } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { type userIdentities, users, type workspaces } from '../../src/db/schema/index.js';
import { waitForMail } from './mailbox.js';
import { createTestStack, type TestStack } from './stack.js';

/**
 * "Continue with Google / Microsoft / Apple" end to end, for the SSO test files: the real
 * sandbox (the three identity providers) on a port of its own, the app on a database of its
 * own, and a pretend browser in between that keeps each side's cookies and follows the
 * redirects. Call once at the top of a test file.
 */
export function useSsoHarness() {
  let sandbox: RunningSandbox;
  let stack: TestStack;
  let ip = 1;

  beforeAll(async () => {
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0 });
    const port = new URL(sandbox.url).port;
    // No SSO_* settings and the sandbox "running": every provider points at the sandbox.
    stack = await createTestStack({ env: { SANDBOX_ENABLED: 'true', SANDBOX_HOST: '127.0.0.1', SANDBOX_PORT: port, CRM_PROVIDER: 'none', TRUST_PROXY: 'true' } });
    await stack.app.ready();
    await stack.queue.startWorkers();
  });
  afterAll(async () => {
    await stack?.close();
    await sandbox?.close();
  });

  type Provider = 'google' | 'microsoft' | 'apple';
  type Form = Record<string, string>;

  const cookieFrom = (setCookie: string | string[] | undefined, name: string): string | undefined => {
    const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
    return all.find((x) => x.startsWith(`${name}=`))?.split(';')[0]?.slice(name.length + 1);
  };
  const rawCookie = (setCookie: string | string[] | undefined, name: string): string => {
    const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
    return all.find((x) => x.startsWith(`${name}=`)) ?? '';
  };

  /** Each call looks like a new client to the rate limits. */
  const clientIp = () => `198.51.100.${(ip++ % 250) + 1}`;

  /** "Continue with …" pressed on the page: the page posts what it knows, then goes where it is told. */
  async function start(provider: Provider, form: Form = {}, cookies: Record<string, string> = {}) {
    const res = await stack.app.inject({
      method: 'POST',
      url: `/api/v1/auth/sso/${provider}/start`,
      payload: form,
      headers: { origin: stack.config.http.publicUrl, 'x-forwarded-for': clientIp() },
      cookies,
    });
    expect(res.statusCode, res.body).toBe(200);
    const browser = cookieFrom(res.headers['set-cookie'], 'stratum_sso')!;
    expect(browser).toBeTruthy();
    return { authorizeUrl: res.json().authorization_url as string, browser, setCookie: res.headers['set-cookie'] };
  }

  /** What the provider sends back to the app: a redirect (query) or an auto-submitted form (Apple). */
  type Answer = { method: 'GET'; url: string } | { method: 'POST'; url: string; form: Form };

  /** The tester on the sandbox's sign-in page: types a person (or cancels) and presses the button. */
  async function atProvider(authorizeUrl: string, person: { email?: string; name?: string; verified?: boolean; decision?: 'allow' | 'deny'; pick?: string } = {}): Promise<Answer> {
    expect(authorizeUrl.startsWith(sandbox.url)).toBe(true);
    const page = await fetch(authorizeUrl);
    const html = await page.text();
    expect(page.status, html).toBe(200);
    const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
    const requestId = /name="request_id" value="([^"]+)"/.exec(html)![1]!;
    const body = new URLSearchParams({ request_id: requestId, decision: person.decision ?? 'allow' });
    if (person.pick) body.set('pick', person.pick);
    if (person.email) body.set('email', person.email);
    if (person.name) body.set('name', person.name);
    if (person.verified ?? true) body.set('email_verified', 'on');
    const res = await fetch(new URL(action.replaceAll('&amp;', '&'), sandbox.url), { method: 'POST', body, redirect: 'manual' });
    if (res.status === 302) return { method: 'GET', url: res.headers.get('location')! };
    const post = await res.text();
    expect(res.status, post).toBe(200);
    const url = /<form method="post" action="([^"]+)"/.exec(post)![1]!.replaceAll('&amp;', '&');
    const form: Form = {};
    for (const m of post.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form[m[1]!] = unescape(m[2]!);
    return { method: 'POST', url, form };
  }

  const unescape = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

  /** The browser arriving back at the app with the provider's answer, and (maybe) the attempt's cookie. */
  async function back(answer: Answer, browser: string | undefined) {
    const u = new URL(answer.url);
    expect(u.origin).toBe(stack.config.http.publicUrl);
    const cookies: Record<string, string> = browser ? { stratum_sso: browser } : {};
    const res =
      answer.method === 'GET'
        ? await stack.app.inject({ url: u.pathname + u.search, cookies, headers: { 'x-forwarded-for': clientIp() } })
        : await stack.app.inject({
            method: 'POST',
            url: u.pathname,
            payload: new URLSearchParams(answer.form).toString(),
            // Apple's answer is a form posted from appleid.apple.com: another site.
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://appleid.apple.com', 'sec-fetch-site': 'cross-site', 'x-forwarded-for': clientIp() },
            cookies,
          });
    expect(res.statusCode, res.body).toBe(302);
    return { location: res.headers.location as string, session: cookieFrom(res.headers['set-cookie'], 'stratum_session'), setCookie: res.headers['set-cookie'] };
  }

  async function signInThrough(provider: Provider, person: Parameters<typeof atProvider>[1], form: Form = {}, cookies: Record<string, string> = {}) {
    const s = await start(provider, form, cookies);
    return back(await atProvider(s.authorizeUrl, person), s.browser);
  }

  const me = (session: string | undefined) => stack.app.inject({ url: '/api/v1/auth/me', cookies: { stratum_session: session ?? '' } });
  const userByEmail = async (email: string) => (await stack.db.db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase())))[0];
  const count = async (table: typeof users | typeof workspaces | typeof userIdentities) => (await stack.db.db.select().from(table)).length;
  const mailTo = (to: string, ready: (subjects: string[]) => boolean) =>
    waitForMail(async (p) => (await stack.app.inject(p)).json(), to, (m) => ready(m.map((x) => x.subject)));

  return {
    get stack() {
      return stack;
    },
    get sandbox() {
      return sandbox;
    },
    cookieFrom,
    rawCookie,
    clientIp,
    start,
    atProvider,
    back,
    signInThrough,
    me,
    userByEmail,
    count,
    mailTo,
  };
}
