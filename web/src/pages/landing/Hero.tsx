import type { LandingCopy } from './copy';
import { LANDING_IDS, OPENS_DIALOG_ATTR, SIGNUP_TRIGGER_ATTR } from './ids';

/** Attributes of every "Start Free Trial" button: main.ts finds them by the data attribute. */
export const trialButton = { type: 'button', 'aria-haspopup': 'dialog', [SIGNUP_TRIGGER_ATTR]: '' } as const;

function Check() {
  return (
    <svg className="hero__check" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="10" fill="currentColor" opacity="0.15" />
      <path d="m5.5 10.5 3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function Hero({ copy }: { copy: LandingCopy }) {
  const hero = copy.hero;
  return (
    <section className="hero" aria-labelledby="hero-title">
      <div className="container hero__inner">
        <p className="hero__eyebrow">{hero.eyebrow}</p>
        <h1 id="hero-title" className="hero__title" data-testid="hero-title">{hero.title}</h1>
        <p className="hero__subtitle" data-testid="hero-subtitle">{hero.subtitle}</p>
        <p className="hero__lead">{hero.lead}</p>
        <ul className="hero__bullets" aria-label={hero.bulletsLabel} data-testid="hero-bullets">
          {hero.bullets.map((text) => (
            <li key={text}><Check />{text}</li>
          ))}
        </ul>
        <div className="hero__actions">
          <button className="button button--primary button--large" data-testid="cta-start-trial" {...trialButton}>
            {hero.startTrial}
          </button>
          <button
            type="button"
            className="button button--secondary button--large"
            aria-haspopup="dialog"
            data-testid="cta-watch-demo"
            {...{ [OPENS_DIALOG_ATTR]: LANDING_IDS.demoDialog }}
          >
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false" className="icon-play">
              <path d="M6 4.5v11l9-5.5-9-5.5Z" fill="currentColor" />
            </svg>
            {hero.watchDemo}
          </button>
        </div>
        <p className="hero__note">{hero.trialNote}</p>
        <noscript><p className="hero__noscript">{hero.noScript}</p></noscript>
      </div>
    </section>
  );
}
