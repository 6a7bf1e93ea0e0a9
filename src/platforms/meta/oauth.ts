import { PlatformError } from '../errors.js';
import { checkedAuthorizeInput } from '../inputs.js';
import type { AdapterContext, TokenSet } from '../types.js';
import { metaClient } from './client.js';
import { metaTokenSchema } from './schemas.js';

/**
 * Facebook Login's manual flow: browser → dialog/oauth → code → short-lived token →
 * `fb_exchange_token` → long-lived token (~60 days). There is no refresh token: when the
 * long-lived token expires the person logs in again.
 */
export const META_SCOPES = ['ads_management', 'ads_read', 'business_management'] as const;

export function metaAuthorizeUrl(ctx: AdapterContext, input: { state: string; redirectUri: string }): URL {
  const p = checkedAuthorizeInput('meta', input);
  const url = new URL(ctx.endpoints.authorize);
  url.searchParams.set('client_id', ctx.credentials.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('state', p.state);
  url.searchParams.set('scope', META_SCOPES.join(','));
  url.searchParams.set('response_type', 'code');
  return url;
}

const expiry = (ctx: AdapterContext, seconds: number | undefined): Date | null =>
  seconds && seconds > 0 ? new Date((ctx.now?.() ?? new Date()).getTime() + seconds * 1000) : null;

export async function metaExchangeCode(ctx: AdapterContext, code: string, redirectUri: string): Promise<TokenSet> {
  const graph = metaClient(ctx, ctx.endpoints.token);
  const { clientId, clientSecret } = ctx.credentials;
  const short = await graph.get(
    'oauth/access_token',
    { client_id: clientId, redirect_uri: redirectUri, client_secret: clientSecret, code },
    null,
    'exchange the authorization code',
    metaTokenSchema,
    // A code works once: after an unknown outcome, sending it again cannot succeed.
    { idempotent: false },
  );
  const long = await graph.get(
    'oauth/access_token',
    { grant_type: 'fb_exchange_token', client_id: clientId, client_secret: clientSecret, fb_exchange_token: short.access_token },
    null,
    'exchange for a long-lived token',
    metaTokenSchema,
  );
  return {
    accessToken: long.access_token,
    refreshToken: null,
    expiresAt: expiry(ctx, long.expires_in),
    refreshExpiresAt: null,
    // The token answer does not list grants; what was asked for is recorded.
    scopes: [...META_SCOPES],
    extra: {},
  };
}

/** Nothing to refresh while the long-lived token lasts; past its expiry only a new login helps. */
export async function metaRefresh(ctx: AdapterContext, t: TokenSet): Promise<TokenSet> {
  const now = ctx.now?.() ?? new Date();
  if (t.expiresAt && t.expiresAt.getTime() <= now.getTime()) {
    throw new PlatformError('meta', 'AUTH_EXPIRED', 'the Meta token has expired; the person must connect again');
  }
  return t;
}
