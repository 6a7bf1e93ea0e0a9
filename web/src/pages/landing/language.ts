import { LANGUAGE_COOKIE, LANGUAGE_STORAGE_KEY, isLanguage } from '../../i18n/languages';
import { LANG_SWITCH_ATTR } from './ids';

const ONE_YEAR_S = 365 * 24 * 3600;

/**
 * Keeps the language this page was served in as the visitor's choice: in localStorage for the
 * app's pages (i18next reads it there) and in a cookie for the server's next `/`.
 */
export function rememberLanguage(language: string): void {
  if (!isLanguage(language)) return;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage refused: the cookie still carries the choice.
  }
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=${ONE_YEAR_S}; samesite=lax${secure}`;
}

/** The switch is a plain link to `/?lang=…`; before it is followed, the choice is stored. */
export function wireLanguageSwitch(root: ParentNode): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>(`[${LANG_SWITCH_ATTR}]`)) {
    link.addEventListener('click', () => rememberLanguage(link.getAttribute(LANG_SWITCH_ATTR) ?? ''));
  }
}
