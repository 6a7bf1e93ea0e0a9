import { PlatformError } from '../errors.js';
import { checkedAuthorizeInput } from '../inputs.js';
import type { AdapterContext, TokenSet } from '../types.js';
import { tiktokClient } from './client.js';
import { tiktokTokenDataSchema } from './schemas.js';

/**
 * TikTok's advertiser authorization: the browser opens the app's authorization page, the
 * advertiser picks ad accounts, the callback carries `auth_code`, and one POST turns it into a
 * long-term token that lasts until the advertiser revokes it. There is no refresh for
 * Marketing API tokens (TikTok's 40107 says so).
 */
export const TIKTOK_SCOPES = ['Ad Account Management', 'Ads Management', 'Reporting'] as const;

export function tiktokAuthorizeUrl(ctx: AdapterContext, input: { state: string; redirectUri: string }): URL {
  const p = checkedAuthorizeInput('tiktok', input);
  const url = new URL(ctx.endpoints.authorize);
  url.searchParams.set('app_id', ctx.credentials.clientId);
  url.searchParams.set('state', p.state);
  url.searchParams.set('redirect_uri', p.redirectUri);
  return url;
}

export async function tiktokExchangeCode(ctx: AdapterContext, code: string): Promise<TokenSet> {
  const api = tiktokClient(ctx, ctx.endpoints.token);
  const d = await api.post(
    'oauth2/access_token/',
    { app_id: ctx.credentials.clientId, secret: ctx.credentials.clientSecret, auth_code: code },
    null,
    'exchange the authorization code',
    tiktokTokenDataSchema,
    // An auth code works once: after an unknown outcome, sending it again cannot succeed.
    { idempotent: false },
  );
  const now = ctx.now?.() ?? new Date();
  return {
    accessToken: d.access_token,
    refreshToken: null,
    expiresAt: d.expires_in && d.expires_in > 0 ? new Date(now.getTime() + d.expires_in * 1000) : null,
    refreshExpiresAt: null,
    scopes: d.scope.map(String),
    extra: d.advertiser_ids.length ? { advertiserIds: d.advertiser_ids.join(',') } : {},
  };
}

/** A long-term token stays as it is; one past a stated expiry needs a new authorization. */
export async function tiktokRefresh(ctx: AdapterContext, t: TokenSet): Promise<TokenSet> {
  const now = ctx.now?.() ?? new Date();
  if (t.expiresAt && t.expiresAt.getTime() <= now.getTime()) {
    throw new PlatformError('tiktok', 'AUTH_EXPIRED', 'the TikTok token has expired; the advertiser must authorize again');
  }
  return t;
}
