import { apiGet, apiPost } from './client';
// The server's contracts, type-only: nothing of them reaches the bundle.
import type { SubscribeInput, SubscribeOutput } from '../../../src/capture/intake.schema.js';
import type { Me } from '../../../src/accounts/me.js';
import type { SsoStartInput } from '../../../src/accounts/sso/start.schema.js';

export type { Me, SubscribeInput, SubscribeOutput };
export type MeUser = Me['user'];

export const AUTH_PATHS = {
  subscribe: '/api/v1/landing-cms/subscribe',
  resendVerification: '/api/v1/auth/resend-verification',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/auth/me',
} as const;

export type SsoProvider = 'google' | 'microsoft' | 'apple';
export type { SsoStartInput };

/** Where "Continue with …" posts; the server answers with the provider's address. */
export function ssoStartPath(provider: SsoProvider): string {
  return `/api/v1/auth/sso/${provider}/start`;
}

/**
 * Leaves for the provider. The page's attribution goes along in the POST (CSRF-checked);
 * the answer sets the cookie binding the attempt to this browser, then the page navigates
 * to the provider (a navigation, so the form-action policy does not apply to it).
 */
export async function startSso(provider: SsoProvider, fields: Partial<Record<keyof SsoStartInput, string>>): Promise<void> {
  const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
  const { authorization_url } = await apiPost<{ authorization_url: string }>(ssoStartPath(provider), body);
  window.location.assign(authorization_url);
}

/** The sign-in providers the server has configured (none until SSO is set up). */
export async function ssoProviders(): Promise<SsoProvider[]> {
  const res = await apiGet<{ providers: SsoProvider[] }>('/api/v1/auth/sso/providers');
  return res.providers;
}

export function subscribe(body: SubscribeInput): Promise<SubscribeOutput> {
  return apiPost<SubscribeOutput>(AUTH_PATHS.subscribe, body);
}

/** Always 202 `{ status: 'sent' }`, whether or not the address has an account. */
export function resendVerification(email: string): Promise<{ status: 'sent' }> {
  return apiPost<{ status: 'sent' }>(AUTH_PATHS.resendVerification, { email });
}

export function logIn(email: string, password: string): Promise<Me> {
  return apiPost<Me>(AUTH_PATHS.login, { email, password });
}

export function logOut(): Promise<void> {
  return apiPost<void>(AUTH_PATHS.logout);
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return apiGet<Me>(AUTH_PATHS.me, signal ? { signal } : {});
}

/** Always 202: the answer never says whether the address has an account. */
export function requestPasswordReset(email: string): Promise<{ status: 'sent' }> {
  return apiPost<{ status: 'sent' }>('/api/v1/auth/password-reset/request', { email });
}

/** Sets the new password and signs in (the session cookie comes with the answer). */
export function confirmPasswordReset(token: string, password: string): Promise<Me> {
  return apiPost<Me>('/api/v1/auth/password-reset/confirm', { token, password });
}
