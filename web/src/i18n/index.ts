import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import ar from './locales/ar.json';
import en from './locales/en.json';
// Types only: the account strings load with the account chunks (see ./account.ts).
import type accountEn from './locales/account/en.json';
import {
  DEFAULT_LANGUAGE,
  LANGUAGE_COOKIE,
  LANGUAGE_STORAGE_KEY,
  SUPPORTED_LANGUAGES,
  directionOf,
  toSupportedLanguage,
} from './languages';

// Types every `t('…')` key against the English catalogue, so a typo or a key
// missing from en.json fails `tsc` instead of rendering the raw key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & { account: typeof accountEn } };
  }
}

function applyDocumentLanguage(lng: string | undefined): void {
  const language = toSupportedLanguage(lng);
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
}

// Registered before init so the initial detection also updates <html>.
i18n.on('languageChanged', applyDocumentLanguage);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, ar: { translation: ar } },
    supportedLngs: [...SUPPORTED_LANGUAGES],
    fallbackLng: DEFAULT_LANGUAGE,
    load: 'languageOnly',
    // Catalogues are bundled, so initialise synchronously: the first render
    // already has the right language and direction, with no flash of English.
    initAsync: false,
    detection: {
      order: ['querystring', 'localStorage', 'cookie', 'navigator'],
      lookupQuerystring: 'lng',
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      // The cookie is how the server knows the choice when it renders the landing page at `/`.
      lookupCookie: LANGUAGE_COOKIE,
      cookieMinutes: 525_600,
      cookieOptions: { path: '/', sameSite: 'lax' },
      caches: ['localStorage', 'cookie'],
      // Browsers report "ar-SA"; store and expose the bare code we ship.
      convertDetectedLanguage: (lng: string) => toSupportedLanguage(lng),
    },
    interpolation: { escapeValue: false }, // React already escapes output.
  });

applyDocumentLanguage(i18n.resolvedLanguage ?? i18n.language);

export default i18n;
