import { apiGet, apiPost } from './client';
// The server's contracts, type-only: nothing of them reaches the bundle.
import type { SubscribeInput, SubscribeOutput } from '../../../src/capture/intake.schema.js';
import type { Me } from '../../../src/accounts/me.js';

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

/** Full-page navigations to the server, which redirects to the provider. */
export function ssoStartPath(provider: SsoProvider): string {
  return `/api/v1/auth/sso/${provider}/start`;
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
