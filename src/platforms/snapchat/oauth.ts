import { PlatformError } from '../errors.js';
import { platformCall } from '../http.js';
import type { AdapterContext, TokenSet } from '../types.js';
import { interpretSnap, snapOAuthError } from './errors.js';
import { tokenResponseSchema, type SnapTokenResponse } from './schemas.js';

export const snapchatScopes = ['snapchat-marketing-api'] as const;

export function snapchatAuthorizeUrl(ctx: AdapterContext, p: { state: string; redirectUri: string }): URL {
  const url = new URL(ctx.endpoints.authorize);
  url.searchParams.set('client_id', ctx.credentials.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', snapchatScopes.join(' '));
  url.searchParams.set('state', p.state);
  return url;
}

function toTokenSet(ctx: AdapterContext, body: SnapTokenResponse, previousRefresh: string | null): TokenSet {
  const now = ctx.now?.() ?? new Date();
  return {
    accessToken: body.access_token,
    // Snap may hand out a new refresh token on refresh; when it does not, the old one still works.
    refreshToken: body.refresh_token ?? previousRefresh,
    // Sources disagree on the lifetime (1800 or 3600 s): only the answer's own value is used.
    expiresAt: body.expires_in ? new Date(now.getTime() + body.expires_in * 1000) : null,
    refreshExpiresAt: null,
    scopes: body.scope ? body.scope.split(/[\s,]+/).filter(Boolean) : [...snapchatScopes],
    extra: {},
  };
}

async function tokenRequest(ctx: AdapterContext, form: Record<string, string>, what: string, idempotent: boolean): Promise<SnapTokenResponse> {
  const body = new URLSearchParams({ ...form, client_id: ctx.credentials.clientId, client_secret: ctx.credentials.clientSecret });
  return platformCall(
    'snapchat',
    ctx,
    { method: 'POST', url: new URL(ctx.endpoints.token), headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, what, idempotent },
    interpretSnap(tokenResponseSchema, what, snapOAuthError),
  );
}

export async function snapchatExchangeCode(ctx: AdapterContext, code: string, redirectUri: string): Promise<TokenSet> {
  // A code is single use: if the answer is lost, sending it again can only fail.
  const body = await tokenRequest(ctx, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, 'exchange authorization code', false);
  return toTokenSet(ctx, body, null);
}

export async function snapchatRefresh(ctx: AdapterContext, t: TokenSet): Promise<TokenSet> {
  if (!t.refreshToken) throw new PlatformError('snapchat', 'AUTH_EXPIRED', 'refresh access token: no refresh token was issued; reconnect');
  const body = await tokenRequest(ctx, { grant_type: 'refresh_token', refresh_token: t.refreshToken }, 'refresh access token', true);
  return toTokenSet(ctx, body, t.refreshToken);
}
