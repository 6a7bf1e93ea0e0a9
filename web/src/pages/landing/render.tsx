import { renderToStaticMarkup } from 'react-dom/server';
import { SUPPORTED_LANGUAGES, directionOf, otherLanguage, type Language } from '../../i18n/languages';
import { landingCopy } from './copy';
import { LANG_QUERY_PARAM } from './ids';
import { LandingPage } from './LandingPage';

/**
 * Build-time rendering of the landing page (also used by the dev server and the tests).
 * Runs in Node: nothing here may touch the DOM.
 */

/** Replaced by the server with its public URL when it answers, so one build suits any host. */
export const PUBLIC_URL_TOKEN = '%STRATUM_PUBLIC_URL%';
/** Where the built template (web/landing.html, with Vite's script and style tags) takes the page. */
export const HEAD_SLOT = '<!--landing-head-->';
export const BODY_SLOT = '<!--landing-body-->';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function pageUrl(language: Language): string {
  return `${PUBLIC_URL_TOKEN}/?${LANG_QUERY_PARAM}=${language}`;
}

function head(language: Language): string {
  const { meta } = landingCopy(language);
  const other = otherLanguage(language);
  const tags = [
    `<title>${escapeHtml(meta.title)}</title>`,
    `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    `<link rel="canonical" href="${pageUrl(language)}" />`,
    ...SUPPORTED_LANGUAGES.map((l) => `<link rel="alternate" hreflang="${l}" href="${pageUrl(l)}" />`),
    `<link rel="alternate" hreflang="x-default" href="${PUBLIC_URL_TOKEN}/" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="Stratum" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}" />`,
    `<meta property="og:url" content="${pageUrl(language)}" />`,
    `<meta property="og:locale" content="${meta.ogLocale}" />`,
    `<meta property="og:locale:alternate" content="${landingCopy(other).meta.ogLocale}" />`,
    `<meta name="twitter:card" content="summary" />`,
  ];
  return tags.join('\n    ');
}

/** One full HTML document for `language`, from the (built) template. */
export function renderLandingDocument(template: string, language: Language, now = new Date()): string {
  if (!template.includes(HEAD_SLOT) || !template.includes(BODY_SLOT)) {
    throw new Error(`The landing template lacks ${HEAD_SLOT} or ${BODY_SLOT}`);
  }
  const body = renderToStaticMarkup(<LandingPage copy={landingCopy(language)} lang={language} year={now.getFullYear()} />);
  return template
    .replace(/<html[^>]*>/, `<html lang="${language}" dir="${directionOf(language)}">`)
    .replace(HEAD_SLOT, () => head(language))
    .replace(BODY_SLOT, () => body);
}

/** Every language's document, keyed by language. */
export function renderLandingDocuments(template: string, now = new Date()): Record<Language, string> {
  return Object.fromEntries(SUPPORTED_LANGUAGES.map((l) => [l, renderLandingDocument(template, l, now)])) as Record<Language, string>;
}
