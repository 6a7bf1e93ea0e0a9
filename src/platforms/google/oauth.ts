import { PlatformError } from '../errors.js';
import { platformCall } from '../http.js';
import type { AdapterContext, TokenSet } from '../types.js';
import { googleOAuthError, interpretGoogle } from './errors.js';
import { tokenResponseSchema, type GoogleTokenResponse } from './schemas.js';

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

function toTokenSet(ctx: AdapterContext, body: GoogleTokenResponse, previousRefresh: string | null): TokenSet {
  const now = ctx.now?.() ?? new Date();
  return {
    accessToken: body.access_token,
    // A refresh answer carries no refresh token: the one we had stays valid.
    refreshToken: body.refresh_token ?? previousRefresh,
    expiresAt: body.expires_in ? new Date(now.getTime() + body.expires_in * 1000) : null,
    refreshExpiresAt: null,
    scopes: body.scope ? body.scope.split(/\s+/).filter(Boolean) : [...googleScopes],
    extra: {},
  };
}

async function tokenRequest(ctx: AdapterContext, form: Record<string, string>, what: string, idempotent: boolean): Promise<GoogleTokenResponse> {
  const body = new URLSearchParams({ ...form, client_id: ctx.credentials.clientId, client_secret: ctx.credentials.clientSecret });
  return platformCall(
    'google',
    ctx,
    { method: 'POST', url: new URL(ctx.endpoints.token), headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, what, idempotent },
    interpretGoogle(tokenResponseSchema, what, googleOAuthError),
  );
}

export async function googleExchangeCode(ctx: AdapterContext, code: string, redirectUri: string, codeVerifier?: string): Promise<TokenSet> {
  const form: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
  if (codeVerifier) form.code_verifier = codeVerifier;
  // A code is single use: if the answer is lost, sending it again can only fail.
  const body = await tokenRequest(ctx, form, 'exchange authorization code', false);
  return toTokenSet(ctx, body, null);
}

export async function googleRefresh(ctx: AdapterContext, t: TokenSet): Promise<TokenSet> {
  if (!t.refreshToken) throw new PlatformError('google', 'AUTH_EXPIRED', 'refresh access token: no refresh token was issued; reconnect');
  const body = await tokenRequest(ctx, { grant_type: 'refresh_token', refresh_token: t.refreshToken }, 'refresh access token', true);
  return toTokenSet(ctx, body, t.refreshToken);
}
