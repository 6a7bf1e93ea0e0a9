import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildSandbox } from '../../server.js';
import { movableClock } from '../../world/test-clock.js';
import { createWorld, type World } from '../../world/index.js';

/**
 * Shared set-up for the Google imitation's tests: a sandbox on a fixed clock, the consent screen
 * driven through its form fields, and small helpers for API calls.
 */
export const ADWORDS = 'https://www.googleapis.com/auth/adwords';
export const REDIRECT = 'https://app.stratum.test/api/v1/oauth/google/callback';
export const CLIENT = { id: 'stratum-ads.apps.googleusercontent.com', secret: 'GOCSPX-ads-secret' };

export async function sandbox(): Promise<{ app: FastifyInstance; world: World; clock: ReturnType<typeof movableClock> }> {
  const clock = movableClock();
  const world = createWorld({ now: clock.now });
  const app = await buildSandbox({ world });
  return { app, world, clock };
}

export const form = (fields: Record<string, string> | URLSearchParams) => ({
  payload: (fields instanceof URLSearchParams ? fields : new URLSearchParams(fields)).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function authorizeParams(over: Record<string, string> = {}): Record<string, string> {
  return { client_id: CLIENT.id, redirect_uri: REDIRECT, response_type: 'code', scope: ADWORDS, access_type: 'offline', prompt: 'consent', state: 'st-123', ...over };
}

/** Opens the consent page and presses a button; returns the page and the redirect it answered with. */
export async function consent(app: FastifyInstance, params: Record<string, string>, decision: 'allow' | 'deny' = 'allow') {
  const page = await app.inject({ url: `/google/accounts/o/oauth2/v2/auth?${new URLSearchParams(params)}` });
  if (page.statusCode !== 200) return { page, location: null };
  const action = decode(/<form method="post" action="([^"]+)"/.exec(page.body)![1]!);
  const body = new URLSearchParams();
  for (const m of page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) body.append(decode(m[1]!), decode(m[2]!));
  body.set('decision', decision);
  const res = await app.inject({ method: 'POST', url: action, ...form(body) });
  return { page, res, location: res.statusCode === 302 ? new URL(String(res.headers.location)) : null };
}

export const verifier = 'v'.repeat(20) + '-._~' + 'x'.repeat(30);
export const challenge = createHash('sha256').update(verifier).digest('base64url');

export function exchange(app: FastifyInstance, code: string, over: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/google/oauth2/token',
    ...form({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: CLIENT.id, client_secret: CLIENT.secret, ...over }),
  });
}

/** A fresh access (and refresh) token for a person, through the whole consent flow. */
export async function tokensFor(app: FastifyInstance, person = 'ahmed'): Promise<{ access: string; refresh: string }> {
  const { location } = await consent(app, authorizeParams({ sandbox_person: person }));
  const res = await exchange(app, location!.searchParams.get('code')!);
  const body = res.json();
  return { access: body.access_token, refresh: body.refresh_token };
}

export interface Call {
  token?: string;
  login?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export function post(app: FastifyInstance, path: string, c: Call = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/google/ads/v23/${path}`,
    headers: { ...(c.token ? { authorization: `Bearer ${c.token}` } : {}), ...(c.login ? { 'login-customer-id': c.login } : {}), 'content-type': 'application/json', ...c.headers },
    payload: JSON.stringify(c.body ?? {}),
  });
}

export function search(app: FastifyInstance, token: string, cid: string, query: string, extra: Record<string, unknown> = {}, login?: string) {
  return post(app, `customers/${cid}/googleAds:search`, { token, ...(login ? { login } : {}), body: { query, ...extra } });
}

/** The single GoogleAdsFailure error of an error response. */
export function firstError(res: LightMyRequestResponse): { errorCode: Record<string, string>; message: string; location?: unknown } {
  const body = res.json();
  const error = (Array.isArray(body) ? body[0] : body).error;
  return error.details.find((d: { '@type': string }) => d['@type'].endsWith('GoogleAdsFailure')).errors[0];
}
