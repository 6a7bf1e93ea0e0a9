import { z } from 'zod';
import { codeForHttpStatus, PlatformError, type PlatformErrorCode } from './errors.js';
import { platformCall, type RawResponse } from './http.js';
import type { AdapterContext, PlatformId, TokenSet } from './types.js';

/**
 * The token endpoint of OAuth 2.0 (RFC 6749) as Google and Snapchat implement it, to the
 * letter: a form post with the app's client credentials, a JSON token answer, and the RFC's
 * error codes. Meta and TikTok exchange tokens their own way and do not come here.
 */

/** RFC 6749 §5.1. */
export const oauthTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});
export type OAuthTokenAnswer = z.infer<typeof oauthTokenSchema>;

/** RFC 6749 §5.2. */
export const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

const codesByOAuthError = new Map<string, PlatformErrorCode>([
  // The refresh token was revoked or expired (Google testing apps: after 7 days), or the code was used or expired.
  ['invalid_grant', 'AUTH_EXPIRED'],
  // Our client id/secret are wrong: a configuration problem, not the user's.
  ['invalid_client', 'INVALID'],
  ['unauthorized_client', 'INVALID'],
  ['invalid_request', 'INVALID'],
  ['unsupported_grant_type', 'INVALID'],
  ['invalid_scope', 'PERMISSION_DENIED'],
  ['access_denied', 'PERMISSION_DENIED'],
  ['temporarily_unavailable', 'TRANSIENT'],
  ['server_error', 'TRANSIENT'],
]);

/** A token endpoint's error answer; a body that is not RFC 6749 JSON goes to the platform's own translator. */
export function oauthError(platform: PlatformId, res: RawResponse, what: string, otherwise: (res: RawResponse, what: string) => PlatformError): PlatformError {
  const parsed = oauthErrorSchema.safeParse(res.body);
  if (!parsed.success) return otherwise(res, what);
  const { error, error_description: description } = parsed.data;
  const code = res.status === 429 ? 'RATE_LIMITED' : (codesByOAuthError.get(error) ?? codeForHttpStatus(res.status));
  return new PlatformError(platform, code, `${what}: ${error}${description ? ` (${description})` : ''}`, {
    httpStatus: res.status,
    platformCode: error,
  });
}

/** One platform's token endpoint: who it is, and how it reads an answer (success body or error). */
export interface TokenEndpoint {
  platform: PlatformId;
  ctx: AdapterContext;
  interpret: (what: string) => (res: RawResponse) => OAuthTokenAnswer | PlatformError;
  /** What Stratum asked for; recorded when the answer does not list the scopes granted. */
  requestedScopes: readonly string[];
}

async function postGrant(ep: TokenEndpoint, grant: Record<string, string>, what: string, idempotent: boolean): Promise<OAuthTokenAnswer> {
  // Client credentials in the form body (RFC 6749 §2.3.1), as both platforms document.
  const body = new URLSearchParams({ ...grant, client_id: ep.ctx.credentials.clientId, client_secret: ep.ctx.credentials.clientSecret });
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  return platformCall(ep.platform, ep.ctx, { method: 'POST', url: new URL(ep.ctx.endpoints.token), headers, body, what, idempotent }, ep.interpret(what));
}

function tokenSet(ep: TokenEndpoint, answer: OAuthTokenAnswer, previousRefresh: string | null): TokenSet {
  const now = ep.ctx.now?.() ?? new Date();
  return {
    accessToken: answer.access_token,
    // A refresh answer may carry no refresh token (Google never does): the one we had stays valid.
    refreshToken: answer.refresh_token ?? previousRefresh,
    // Only the answer's own lifetime is trusted (sources disagree on Snapchat's: 1800 or 3600 s).
    expiresAt: answer.expires_in ? new Date(now.getTime() + answer.expires_in * 1000) : null,
    refreshExpiresAt: null,
    // RFC 6749 §3.3 separates scopes with spaces; commas are accepted too, since no scope contains one.
    scopes: answer.scope ? answer.scope.split(/[\s,]+/).filter(Boolean) : [...ep.requestedScopes],
    extra: {},
  };
}

export async function exchangeAuthorizationCode(ep: TokenEndpoint, code: string, redirectUri: string, codeVerifier?: string): Promise<TokenSet> {
  const grant: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
  if (codeVerifier) grant.code_verifier = codeVerifier;
  // A code is single use: if the answer is lost, sending it again can only fail.
  const answer = await postGrant(ep, grant, 'exchange authorization code', false);
  return tokenSet(ep, answer, null);
}

export async function refreshAccessToken(ep: TokenEndpoint, t: TokenSet): Promise<TokenSet> {
  if (!t.refreshToken) throw new PlatformError(ep.platform, 'AUTH_EXPIRED', 'refresh access token: no refresh token was issued; reconnect');
  const answer = await postGrant(ep, { grant_type: 'refresh_token', refresh_token: t.refreshToken }, 'refresh access token', true);
  return tokenSet(ep, answer, t.refreshToken);
}
