import { exchangeAuthorizationCode, oauthTokenSchema, refreshAccessToken, type TokenEndpoint } from '../oauth2.js';
import type { AdapterContext, TokenSet } from '../types.js';
import { googleOAuthError, interpretGoogle } from './errors.js';

export const GOOGLE_ADS_SCOPE = 'https://www.googleapis.com/auth/adwords';
export const googleScopes = [GOOGLE_ADS_SCOPE] as const;

export function googleAuthorizeUrl(ctx: AdapterContext, p: { state: string; redirectUri: string; codeChallenge?: string }): URL {
  const url = new URL(ctx.endpoints.authorize);
  const q = url.searchParams;
  q.set('client_id', ctx.credentials.clientId);
  q.set('redirect_uri', p.redirectUri);
  q.set('response_type', 'code');
  q.set('scope', googleScopes.join(' '));
  // offline + consent: the only way to be sure a refresh token comes back on reconnect.
  q.set('access_type', 'offline');
  q.set('prompt', 'consent');
  q.set('include_granted_scopes', 'true');
  q.set('state', p.state);
  if (p.codeChallenge) {
    q.set('code_challenge', p.codeChallenge);
    q.set('code_challenge_method', 'S256');
  }
  return url;
}

const tokenEndpoint = (ctx: AdapterContext): TokenEndpoint => ({
  platform: 'google',
  ctx,
  interpret: (what) => interpretGoogle(oauthTokenSchema, what, googleOAuthError),
  requestedScopes: googleScopes,
});

export const googleExchangeCode = (ctx: AdapterContext, code: string, redirectUri: string, codeVerifier?: string): Promise<TokenSet> =>
  exchangeAuthorizationCode(tokenEndpoint(ctx), code, redirectUri, codeVerifier);

export const googleRefresh = (ctx: AdapterContext, t: TokenSet): Promise<TokenSet> => refreshAccessToken(tokenEndpoint(ctx), t);
