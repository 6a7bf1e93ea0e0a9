import type { FastifyReply } from 'fastify';
import type { SsoProvider } from '../../db/schema/sso.js';
import { ATTEMPT_TTL_MS } from './attempt-rules.js';
import { providerTraits } from './providers.js';

export const SSO_COOKIE = 'stratum_sso';
const pathFor = (provider: SsoProvider) => `/api/v1/auth/sso/${provider}/`;

/**
 * Binds an attempt to this browser: only the callback of this provider sees the cookie.
 *
 * SameSite: Google and Microsoft come back with a top-level GET redirect, which carries
 * Lax cookies. Apple comes back with a form POST from appleid.apple.com, a cross-site
 * POST, and browsers send no Lax (or default) cookie on that: the cookie would be missing
 * and every Apple sign-in would look like another browser's. So Apple's cookie is
 * SameSite=None, which browsers accept only with Secure, i.e. over https. Over plain http
 * (local development) it stays Lax: the sandbox on localhost is the same site as the app
 * (ports do not count), so its form post carries Lax cookies anyway.
 * None is safe here: the cookie is only half of a pair; the callback must also bring the
 * `state` minted with it, which a cross-site attacker cannot know.
 */
export function setAttemptCookie(reply: FastifyReply, provider: SsoProvider, secret: string, publicUrl: string): void {
  const secure = publicUrl.startsWith('https://');
  const crossSitePost = providerTraits[provider].responseMode === 'form_post';
  reply.setCookie(SSO_COOKIE, secret, {
    httpOnly: true,
    secure,
    sameSite: crossSitePost && secure ? 'none' : 'lax',
    path: pathFor(provider),
    maxAge: ATTEMPT_TTL_MS / 1000,
  });
}

export function clearAttemptCookie(reply: FastifyReply, provider: SsoProvider): void {
  reply.clearCookie(SSO_COOKIE, { path: pathFor(provider) });
}
