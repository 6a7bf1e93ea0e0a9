import { BrandMark } from '../../components/BrandMark';
import type { Language } from '../../i18n/languages';
import { fill, type LandingCopy } from './copy';
import { DemoDialog } from './DemoDialog';
import { FeatureList } from './FeatureList';
import { Hero, trialButton } from './Hero';
import { LANDING_IDS } from './ids';
import { Pricing } from './Pricing';
import { Proof } from './Proof';
import { SiteHeader } from './SiteHeader';
import { CaseStudies, Testimonials } from './Stories';

/**
 * The whole landing page as static markup. It is rendered to HTML at build time, once per
 * language, and never hydrated: the few interactive parts are wired by main.ts, and the
 * signup form is a React island loaded when someone reaches for it. No hooks here.
 */
export function LandingPage({ copy, lang, year }: { copy: LandingCopy; lang: Language; year: number }) {
  return (
    <div className="landing">
      <SiteHeader copy={copy} lang={lang} />
      <main id={LANDING_IDS.main} tabIndex={-1}>
        <Hero copy={copy} />
        <Proof copy={copy} />

        <section id="features" className="section" aria-labelledby="features-heading">
          <div className="container">
            <h2 id="features-heading" className="section__heading">{copy.features.heading}</h2>
            <p className="section__intro">{copy.features.intro}</p>
            <FeatureList copy={copy} />
          </div>
        </section>

        <Pricing copy={copy} lang={lang} />
        <CaseStudies copy={copy} />
        <Testimonials copy={copy} />

        <section id="about" className="section" aria-labelledby="about-heading">
          <div className="container section__narrow">
            <h2 id="about-heading" className="section__heading">{copy.about.heading}</h2>
            {copy.about.body.map((p) => <p key={p}>{p}</p>)}
          </div>
        </section>

        <section className="final-cta" aria-labelledby="final-cta-heading">
          <div className="container section__narrow">
            <h2 id="final-cta-heading">{copy.finalCta.heading}</h2>
            <p>{copy.finalCta.body}</p>
            <button className="button button--primary button--large" data-testid="cta-final-start-trial" {...trialButton}>
              {copy.hero.startTrial}
            </button>
          </div>
        </section>
      </main>

      <footer className="site-footer">
        <div className="container site-footer__inner">
          <span className="brand brand--small">
            <BrandMark />
            <span>Stratum</span>
          </span>
          <p>{fill(copy.footer.rights, { year })}</p>
        </div>
      </footer>

      <DemoDialog copy={copy} />
      {/* "Opening the signup form…" and failures are announced here; the island mounts below. */}
      <p
        id={LANDING_IDS.signupStatus}
        className="signup-status"
        role="status"
        data-opening={copy.hero.opening}
        data-failed={copy.hero.openFailed}
        data-testid="signup-status"
      />
      <div id={LANDING_IDS.signupRoot} />
    </div>
  );
}
