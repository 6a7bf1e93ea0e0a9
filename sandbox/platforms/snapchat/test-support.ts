import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '../../server.js';
import { createWorld } from '../../world/index.js';
import { movableClock } from '../../world/test-clock.js';
import type { World, WorldAccount } from '../../world/types.js';

/** Shared set-up of the Snapchat imitation's tests (not a test file itself). */
export const API = '/snapchat/adsapi';
export const ACCOUNTS = '/snapchat/accounts';
export const TR = '/snapchat/tr';
export const REDIRECT = 'https://app.stratum.test/api/v1/oauth/snapchat/callback';

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

/** An access token for a person and some accounts, as the token endpoint would mint it. */
export function accessToken(world: World, personId: string, accountIds: string[], scopes = ['snapchat-marketing-api']): string {
  return world.tokens.issue({
    platform: 'snapchat',
    kind: 'access',
    personId,
    clientId: 'stratum-test',
    scopes,
    accountIds,
    redirectUri: null,
    codeChallenge: null,
    codeChallengeMethod: null,
    parent: null,
    ttlSeconds: 1800,
  }).token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The first Snapchat account of a person (ahmed: Midas Furniture; scale: the 10,000-ad store). */
export function accountOf(world: World, personId: string): WorldAccount {
  const a = world.accountsOf('snapchat', personId)[0];
  if (!a) throw new Error(`${personId} has no Snapchat account`);
  return a;
}

/** The form on the consent page: its action, hidden fields and account checkboxes. */
export function readConsentForm(html: string): { action: string; hidden: Record<string, string>; accounts: string[] } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const hidden: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) hidden[unescape(m[1]!)] = unescape(m[2]!);
  const accounts = [...html.matchAll(/<input type="checkbox" name="account" value="([^"]+)" checked/g)].map((m) => unescape(m[1]!));
  return { action: unescape(action), hidden, accounts };
}

export function form(fields: Array<[string, string]>): string {
  return new URLSearchParams(fields).toString();
}

/** Drives the consent page: GET authorize, then POST the form with a decision; returns the redirect. */
export async function consent(
  app: FastifyInstance,
  query: Record<string, string>,
  decision: 'allow' | 'deny',
  pick?: (accounts: string[]) => string[],
): Promise<URL> {
  const page = await app.inject({ url: `${ACCOUNTS}/login/oauth2/authorize?${new URLSearchParams(query).toString()}` });
  if (page.statusCode !== 200) throw new Error(`consent page ${page.statusCode}: ${page.body}`);
  const f = readConsentForm(page.body);
  const chosen = pick ? pick(f.accounts) : f.accounts;
  const res = await app.inject({
    method: 'POST',
    url: f.action,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form([...Object.entries(f.hidden), ...chosen.map((a): [string, string] => ['account', a]), ['decision', decision]]),
  });
  if (res.statusCode !== 302) throw new Error(`consent POST ${res.statusCode}: ${res.body}`);
  return new URL(String(res.headers.location));
}

export const authorizeQuery = (extra: Record<string, string> = {}): Record<string, string> => ({
  client_id: 'stratum-client',
  redirect_uri: REDIRECT,
  response_type: 'code',
  scope: 'snapchat-marketing-api',
  state: 'st-123',
  ...extra,
});

export async function exchange(app: FastifyInstance, fields: Array<[string, string]>) {
  return app.inject({
    method: 'POST',
    url: `${ACCOUNTS}/login/oauth2/access_token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
  });
}
