import { BrandMark } from '../../components/BrandMark';
import { LANGUAGE_NAMES, otherLanguage, type Language } from '../../i18n/languages';
import type { LandingCopy } from './copy';
import { LANDING_IDS, LANG_QUERY_PARAM, LANG_SWITCH_ATTR } from './ids';

/** Skip link, brand, the four section anchors, the language switch and sign-in: all plain links. */
export function SiteHeader({ copy, lang }: { copy: LandingCopy; lang: Language }) {
  const target = otherLanguage(lang);
  const nav = copy.nav;
  return (
    <>
      <a className="skip-link" href={`#${LANDING_IDS.main}`}>{copy.skipToContent}</a>
      <header className="site-header">
        <div className="container site-header__inner">
          <a href="/" className="brand" aria-label={nav.home}>
            <BrandMark />
            <span>Stratum</span>
          </a>
          <nav className="site-nav" aria-label={nav.label}>
            <ul>
              <li><a href="#features">{nav.features}</a></li>
              <li><a href="#pricing">{nav.pricing}</a></li>
              <li><a href="#case-studies">{nav.caseStudies}</a></li>
              <li><a href="#about">{nav.about}</a></li>
            </ul>
          </nav>
          <div className="site-header__actions">
            {/* A link, so it works without JavaScript; labelled in the language it switches to. */}
            <a
              className="lang-switch"
              href={`/?${LANG_QUERY_PARAM}=${target}`}
              hrefLang={target}
              lang={target}
              title={nav.switchLanguageHint}
              data-testid="lang-switch"
              {...{ [LANG_SWITCH_ATTR]: target }}
            >
              {LANGUAGE_NAMES[target]}
            </a>
            <a href="/login" className="button button--ghost" data-testid="nav-sign-in">{nav.signIn}</a>
          </div>
        </div>
      </header>
    </>
  );
}
