import type { SsoProvider } from '../../db/schema/sso.js';

/** What each provider is asked for, and how it answers. */
export interface ProviderTraits {
  scope: string;
  /** Apple insists on form_post once name or email is asked for; the others redirect with a query. */
  responseMode: 'query' | 'form_post';
  /** Parameters that make the provider show its account chooser and speak the visitor's language. */
  extraParams(lang: 'en' | 'ar'): Record<string, string>;
}

export const providerTraits: Record<SsoProvider, ProviderTraits> = {
  google: { scope: 'openid email profile', responseMode: 'query', extraParams: (lang) => ({ prompt: 'select_account', hl: lang }) },
  microsoft: { scope: 'openid email profile', responseMode: 'query', extraParams: (lang) => ({ prompt: 'select_account', ui_locales: lang }) },
  apple: { scope: 'openid email name', responseMode: 'form_post', extraParams: (lang) => ({ locale: lang === 'ar' ? 'ar_SA' : 'en_US' }) },
};

/** Cancelling at the provider: `access_denied` (OAuth 2.0), or Apple's own word for it. */
export const isCancellation = (error: string): boolean => error === 'access_denied' || error === 'user_cancelled_authorize';
