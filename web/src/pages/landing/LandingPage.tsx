import { Suspense, lazy, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { MAIN_CONTENT_ID, SkipLink } from '../../components/SkipLink';
import { DemoDialog } from './DemoDialog';
import { FeatureList } from './FeatureList';
import '../../styles/landing.css';

// The signup form and its schema load only when wanted (hover, focus or click on a CTA).
const loadSignup = () => import('../account/SignupDialog');
const SignupDialog = lazy(async () => ({ default: (await loadSignup()).SignupDialog }));
const preloadSignup = () => {
  loadSignup().catch(() => undefined);
};

// Brand names stay in Latin script in both languages, as on the platforms' own Arabic sites.
const PLATFORMS = ['Meta', 'Google', 'TikTok', 'Snapchat'] as const;

export function LandingPage() {
  const { t } = useTranslation();
  const demoRef = useRef<HTMLDialogElement>(null);
  const { search } = useLocation();
  // `/?signup=1` opens the form directly (the sign-in page links there). useLocation rather
  // than useSearchParams: the latter adds a kilobyte to the landing bundle for one lookup.
  const [signupOpen, setSignupOpen] = useState(() => new URLSearchParams(search).has('signup'));
  const trialCta = {
    onClick: () => setSignupOpen(true),
    onPointerEnter: preloadSignup,
    onFocus: preloadSignup,
    'aria-haspopup': 'dialog' as const,
  };

  return (
    <div className="landing">
      <title>{t('landing.pageTitle')}</title>
      <SkipLink />
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to="/" className="brand">
            <BrandMark />
            <span>{t('common.productName')}</span>
          </Link>
          <nav className="site-nav" aria-label={t('landing.nav.label')}>
            <ul>
              <li><a href="#features">{t('landing.nav.features')}</a></li>
              <li><a href="#pricing">{t('landing.nav.pricing')}</a></li>
              <li><a href="#case-studies">{t('landing.nav.caseStudies')}</a></li>
              <li><a href="#about">{t('landing.nav.about')}</a></li>
            </ul>
          </nav>
          <div className="site-header__actions">
            <LanguageSwitch />
            <Link to="/app" className="button button--ghost">{t('landing.nav.openApp')}</Link>
          </div>
        </div>
      </header>

      <main id={MAIN_CONTENT_ID} tabIndex={-1}>
        <section className="hero" aria-labelledby="hero-title">
          <div className="container hero__inner">
            <p className="hero__eyebrow">{t('landing.hero.eyebrow')}</p>
            <h1 id="hero-title" className="hero__title" data-testid="hero-title">
              {t('landing.hero.title')}
            </h1>
            <p className="hero__subtitle" data-testid="hero-subtitle">{t('landing.hero.subtitle')}</p>
            <p className="hero__lead">{t('landing.hero.lead')}</p>
            <div className="hero__actions">
              <button type="button" className="button button--primary" data-testid="cta-start-trial" {...trialCta}>
                {t('landing.hero.startTrial')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                data-testid="cta-watch-demo"
                onClick={() => demoRef.current?.showModal()}
              >
                {t('landing.hero.watchDemo')}
              </button>
            </div>
          </div>
        </section>

        <section className="proof" aria-labelledby="proof-heading">
          <div className="container proof__inner">
            <h2 id="proof-heading" className="proof__heading">{t('landing.proof.heading')}</h2>
            <ul className="proof__platforms" aria-label={t('landing.proof.platformsLabel')}>
              {PLATFORMS.map((name) => (
                <li key={name} lang="en" dir="ltr">{name}</li>
              ))}
            </ul>
          </div>
        </section>

        <section id="features" className="section" aria-labelledby="features-heading">
          <div className="container">
            <h2 id="features-heading" className="section__heading">{t('landing.features.heading')}</h2>
            <FeatureList />
          </div>
        </section>

        <section id="pricing" className="section section--tinted" aria-labelledby="pricing-heading">
          <div className="container section__narrow">
            <h2 id="pricing-heading" className="section__heading">{t('landing.pricing.heading')}</h2>
            <p>{t('landing.pricing.body')}</p>
            <button type="button" className="button button--primary" data-testid="cta-pricing-start-trial" {...trialCta}>
              {t('landing.pricing.cta')}
            </button>
          </div>
        </section>

        <section id="case-studies" className="section" aria-labelledby="case-studies-heading">
          <div className="container section__narrow">
            <h2 id="case-studies-heading" className="section__heading">{t('landing.caseStudies.heading')}</h2>
            <p>{t('landing.caseStudies.body')}</p>
          </div>
        </section>

        <section id="about" className="section section--tinted" aria-labelledby="about-heading">
          <div className="container section__narrow">
            <h2 id="about-heading" className="section__heading">{t('landing.about.heading')}</h2>
            <p>{t('landing.about.body')}</p>
          </div>
        </section>
      </main>

      <footer className="site-footer">
        <div className="container site-footer__inner">
          <span className="brand brand--small">
            <BrandMark />
            <span>{t('common.productName')}</span>
          </span>
          <p>{t('landing.footer.rights', { year: new Date().getFullYear() })}</p>
        </div>
      </footer>

      <DemoDialog
        ref={demoRef}
        onStartTrial={() => {
          demoRef.current?.close();
          setSignupOpen(true);
        }}
      />
      {signupOpen ? (
        <Suspense fallback={null}>
          <SignupDialog onClose={() => setSignupOpen(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
