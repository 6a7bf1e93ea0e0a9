import type { SsoProvider } from '../../db/schema/sso.js';

/**
 * Why a provider sign-in did not finish, as the page is told (`?sso_error=`); the web app
 * words each one in the visitor's language.
 */
export const ssoErrorCodes = [
  'cancelled',
  'provider_error',
  'invalid_state',
  'expired',
  'other_browser',
  'code_rejected',
  'token_invalid',
  'unavailable',
  'email_missing',
  'email_not_verified',
  'account_disabled',
] as const;
export type SsoErrorCode = (typeof ssoErrorCodes)[number];

/**
 * Back to where the attempt started: the sign-in page, or the landing page's signup form.
 * `lng` makes the page speak the language the attempt was made in.
 */
export function ssoErrorLocation(
  code: SsoErrorCode,
  where: { intent: 'signin' | 'signup' | null; language: 'en' | 'ar' | null; provider: SsoProvider },
): string {
  const q = new URLSearchParams();
  if (where.intent === 'signup') q.set('signup', '1');
  q.set('sso_error', code);
  q.set('sso_provider', where.provider);
  if (where.language) q.set('lng', where.language);
  return `${where.intent === 'signup' ? '/' : '/login'}?${q.toString()}`;
}
