import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildSandbox } from '../../server.js';
import { createWorld, type World, type WorldAccount } from '../../world/index.js';
import { movableClock } from '../../world/test-clock.js';
import { issueGrant } from './grants.js';

/** Helpers for this folder's tests: a sandbox on a movable clock, tokens, and TikTok-shaped calls. */

export const API = '/tiktok/business-api/open_api/v1.3';
export const CONSENT = '/tiktok/business/portal/auth';
export const APP_ID = '7000000000000000001';
export const REDIRECT = 'https://app.stratum.test/api/v1/oauth/tiktok/callback';

export interface Envelope<T = Record<string, unknown>> {
  code: number;
  message: string;
  request_id: string;
  data: T;
}

export async function tiktokSandbox(): Promise<{ app: FastifyInstance; world: World; clock: ReturnType<typeof movableClock> }> {
  const clock = movableClock();
  const world = createWorld({ now: clock.now });
  const app = await buildSandbox({ world });
  return { app, world, clock };
}

/** A long-term access token for `accounts`, issued straight into the world (what a finished OAuth round trip leaves behind). */
export function tokenFor(world: World, accounts: readonly WorldAccount[], personId = 'ahmed'): string {
  return issueGrant(world, {
    kind: 'access', personId, clientId: APP_ID, scopes: ['1', '2', '4', '5'], accountIds: accounts.map((a) => a.id),
    redirectUri: null, codeChallenge: null, codeChallengeMethod: null, parent: null, ttlSeconds: null,
  }).token;
}

/** GET with TikTok's conventions: arrays and objects JSON-encoded into the query, the token in `Access-Token`. */
export async function get<T = Record<string, unknown>>(app: FastifyInstance, token: string | null, path: string, params: Record<string, unknown> = {}) {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const res = await app.inject({ url: `${API}${path}?${qs.toString()}`, headers: token ? { 'access-token': token } : {} });
  return { res, body: res.json() as Envelope<T> };
}

export async function post<T = Record<string, unknown>>(app: FastifyInstance, token: string | null, path: string, payload: unknown) {
  const res: LightMyRequestResponse = await app.inject({ method: 'POST', url: `${API}${path}`, payload: payload as Record<string, unknown>, headers: token ? { 'access-token': token } : {} });
  return { res, body: res.json() as Envelope<T> };
}

/** A TikTok account of its own for a test, `size` campaigns × ad groups × ads, owned by ahmed. */
export function addTikTokAccount(world: World, size = { campaigns: 20, adSetsPerCampaign: 5, adsPerAdSet: 4 }): WorldAccount {
  return world.addAccount({ platform: 'tiktok', name: 'Test Store', currency: 'USD', timeZone: 'America/New_York', business: 'Test Store', size, ownerIds: ['ahmed'] });
}

export interface PageInfo {
  page: number;
  page_size: number;
  total_number: number;
  total_page: number;
}
