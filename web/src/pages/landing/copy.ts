import ar from '../../i18n/locales/landing/ar.json';
import en from '../../i18n/locales/landing/en.json';
import type { Language } from '../../i18n/languages';

/**
 * The landing page's words, one catalogue per language. They are read at build time only
 * (the page is prerendered), so they never reach a browser bundle. Typed from English: a key
 * missing from Arabic fails `tsc`.
 *
 * The case studies, testimonials and their figures are launch placeholders: replace them with
 * real customers' words (and their consent) before publishing.
 */
export type LandingCopy = typeof en;

const CATALOGUES: Record<Language, LandingCopy> = { en, ar };

export function landingCopy(language: Language): LandingCopy {
  return CATALOGUES[language];
}

/** `{name}` placeholders, filled from `values`. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
