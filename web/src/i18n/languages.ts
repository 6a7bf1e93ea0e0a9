export const SUPPORTED_LANGUAGES = ['en', 'ar'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';
export const LANGUAGE_STORAGE_KEY = 'stratum.lang';
/** The same choice for the server, which renders the landing page (src/http/landing-language.ts). */
export const LANGUAGE_COOKIE = 'stratum_lang';

// Endonyms, not translations: a language is always offered in its own name so
// a reader who cannot read the current UI language can still find theirs.
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ar: 'العربية',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** Maps any BCP 47 tag ("ar-SA", "en_GB", "AR") to a supported language, or the default. */
export function toSupportedLanguage(tag: string | null | undefined): Language {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

export function otherLanguage(language: Language): Language {
  return language === 'en' ? 'ar' : 'en';
}
