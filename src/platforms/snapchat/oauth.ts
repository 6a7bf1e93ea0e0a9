import { exchangeAuthorizationCode, oauthTokenSchema, refreshAccessToken, type TokenEndpoint } from '../oauth2.js';
import type { AdapterContext, TokenSet } from '../types.js';
import { interpretSnap, snapOAuthError } from './errors.js';

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

const tokenEndpoint = (ctx: AdapterContext): TokenEndpoint => ({
  platform: 'snapchat',
  ctx,
  interpret: (what) => interpretSnap(oauthTokenSchema, what, snapOAuthError),
  requestedScopes: snapchatScopes,
});

// Snap documents no PKCE, so no code verifier is sent.
export const snapchatExchangeCode = (ctx: AdapterContext, code: string, redirectUri: string): Promise<TokenSet> =>
  exchangeAuthorizationCode(tokenEndpoint(ctx), code, redirectUri);

export const snapchatRefresh = (ctx: AdapterContext, t: TokenSet): Promise<TokenSet> => refreshAccessToken(tokenEndpoint(ctx), t);
