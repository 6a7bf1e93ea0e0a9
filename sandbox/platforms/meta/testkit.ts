import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildSandbox } from '../../server.js';
import { createWorld, type World } from '../../world/index.js';
import { movableClock } from '../../world/test-clock.js';

/** Shared helpers of the Meta imitation's tests: a sandbox on a movable clock, and a full Facebook Login. */

export const GRAPH = '/meta/graph/v25.0';
export const DIALOG = '/meta/www/v25.0/dialog/oauth';
export const CLIENT_ID = '1234567890123';
export const REDIRECT_URI = 'http://localhost:3000/api/v1/oauth/meta/callback';

export interface Harness {
  app: FastifyInstance;
  world: World;
  clock: ReturnType<typeof movableClock>;
}

export async function harness(): Promise<Harness> {
  const clock = movableClock();
  const world = createWorld({ now: clock.now });
  const app = await buildSandbox({ world });
  return { app, world, clock };
}

export const form = (fields: Record<string, string | string[]>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
  return q.toString();
};

export function postForm(app: FastifyInstance, url: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url, payload: form(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

/** The hidden inputs and account checkboxes of a consent page, as a browser would post them. */
export function consentForm(html: string): { hidden: Record<string, string>; accounts: string[] } {
  const hidden: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) hidden[m[1]!] = m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const accounts = [...html.matchAll(/name="account" value="([^"]+)"/g)].map((m) => m[1]!);
  return { hidden, accounts };
}

export interface LoginOptions {
  person?: string;
  /** Which of the person's accounts to leave checked (default: all). */
  accounts?: (all: string[]) => string[];
  scope?: string;
  state?: string;
}

/** Consent page → allow → the code on the redirect. */
export async function authorize(app: FastifyInstance, opts: LoginOptions = {}): Promise<{ code: string; location: URL; accounts: string[] }> {
  const q = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    state: opts.state ?? 'st-1',
    scope: opts.scope ?? 'ads_management,ads_read,business_management',
    response_type: 'code',
    sandbox_person: opts.person ?? 'ahmed',
  });
  const page = await app.inject(`${DIALOG}?${q}`);
  if (page.statusCode !== 200) throw new Error(`consent page answered ${page.statusCode}: ${page.body}`);
  const { hidden, accounts } = consentForm(page.body);
  const chosen = opts.accounts ? opts.accounts(accounts) : accounts;
  const res = await postForm(app, DIALOG, { ...hidden, account: chosen, decision: 'allow' });
  if (res.statusCode !== 302) throw new Error(`consent answered ${res.statusCode}: ${res.body}`);
  const location = new URL(String(res.headers.location));
  return { code: location.searchParams.get('code') ?? '', location, accounts: chosen };
}

export function exchange(app: FastifyInstance, code: string, redirectUri = REDIRECT_URI): Promise<LightMyRequestResponse> {
  const q = new URLSearchParams({ client_id: CLIENT_ID, client_secret: 'app-secret', redirect_uri: redirectUri, code });
  return app.inject(`${GRAPH}/oauth/access_token?${q}`);
}

/** A user token after the whole login (short-lived unless `longLived`). */
export async function login(app: FastifyInstance, opts: LoginOptions & { longLived?: boolean } = {}): Promise<string> {
  const { code } = await authorize(app, opts);
  const short = (await exchange(app, code)).json().access_token as string;
  if (!opts.longLived) return short;
  const q = new URLSearchParams({ grant_type: 'fb_exchange_token', client_id: CLIENT_ID, client_secret: 'app-secret', fb_exchange_token: short });
  return (await app.inject(`${GRAPH}/oauth/access_token?${q}`)).json().access_token as string;
}

/** `GET {GRAPH}{path}` with the token and parameters in the query string. */
export function get(app: FastifyInstance, path: string, token: string | null, params: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const q = new URLSearchParams(params);
  if (token) q.set('access_token', token);
  return app.inject(`${GRAPH}${path}?${q}`);
}

/** Follows `paging.next` (absolute URLs) until the last page; returns every row. */
export async function getAll(app: FastifyInstance, path: string, token: string, params: Record<string, string> = {}): Promise<{ rows: Array<Record<string, unknown>>; pages: number }> {
  let res = await get(app, path, token, params);
  const rows: Array<Record<string, unknown>> = [];
  let pages = 0;
  for (;;) {
    if (res.statusCode !== 200) throw new Error(`page ${pages} answered ${res.statusCode}: ${res.body}`);
    const body = res.json() as { data: Array<Record<string, unknown>>; paging?: { next?: string } };
    rows.push(...body.data);
    pages++;
    const next = body.paging?.next;
    if (!next) return { rows, pages };
    const url = new URL(next);
    res = await app.inject(url.pathname + url.search);
  }
}

export const graphError = (res: LightMyRequestResponse): Record<string, unknown> => (res.json() as { error: Record<string, unknown> }).error;
