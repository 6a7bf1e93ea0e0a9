/** The one scope every Google Ads API method requires. */
export const ADWORDS_SCOPE = 'https://www.googleapis.com/auth/adwords';

/** Scopes the Ads consent accepts next to `adwords`, with the wording Google's consent screen uses. */
export const SCOPE_MEANINGS: Readonly<Record<string, string>> = {
  [ADWORDS_SCOPE]: 'See, edit, create and delete your Google Ads accounts and data.',
  openid: 'Associate you with your personal info on Google.',
  email: 'See your primary Google Account email address.',
  profile: 'See your personal info, including any personal info you have made publicly available.',
  'https://www.googleapis.com/auth/userinfo.email': 'See your primary Google Account email address.',
  'https://www.googleapis.com/auth/userinfo.profile': 'See your personal info, including any personal info you have made publicly available.',
};

export const scopesOf = (raw: string | undefined): string[] => (raw ?? '').split(/[\s+]+/).filter(Boolean);

/** A request is the Ads consent flow (not "Sign in with Google") when it asks for the adwords scope. */
export const wantsAds = (raw: string | undefined): boolean => scopesOf(raw).includes(ADWORDS_SCOPE);
