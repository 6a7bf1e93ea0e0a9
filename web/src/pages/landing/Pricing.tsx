import type { Language } from '../../i18n/languages';
import type { LandingCopy } from './copy';
import { trialButton } from './Hero';

type PlanId = keyof LandingCopy['pricing']['plans'];

/** Monthly list prices; SAR is set per plan (round local prices), not converted on the fly. */
export const PLANS: readonly { id: PlanId; usd: number; sar: number; featured?: boolean }[] = [
  { id: 'starter', usd: 49, sar: 185 },
  { id: 'growth', usd: 149, sar: 559, featured: true },
  { id: 'agency', usd: 399, sar: 1499 },
];

/**
 * Latin digits in both languages, as the rest of the product shows amounts. Dollars read
 * "$149" on the Arabic page too (as Gulf sites write them; CLDR's Arabic "US$" breaks up
 * in right-to-left text); riyals follow the page's language ("SAR 185", "185 ر.س.").
 */
export function formatPrice(amount: number, currency: 'USD' | 'SAR', language: Language): string {
  const locale = currency === 'USD' ? 'en' : `${language}-u-nu-latn`;
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

export function Pricing({ copy, lang }: { copy: LandingCopy; lang: Language }) {
  const pricing = copy.pricing;
  return (
    <section id="pricing" className="section section--tinted" aria-labelledby="pricing-heading">
      <div className="container">
        <h2 id="pricing-heading" className="section__heading">{pricing.heading}</h2>
        <p className="section__intro">{pricing.intro}</p>
        <ul className="plans">
          {PLANS.map((plan) => {
            const text = pricing.plans[plan.id];
            return (
              <li key={plan.id} className={plan.featured ? 'plan plan--featured' : 'plan'} data-testid={`plan-${plan.id}`}>
                <h3 className="plan__name">{text.name}</h3>
                {plan.featured ? <p className="plan__badge">{pricing.popular}</p> : null}
                <p className="plan__price">
                  <span className="plan__amount" dir="ltr" data-testid={`plan-${plan.id}-usd`}>{formatPrice(plan.usd, 'USD', lang)}</span>
                  <span className="plan__period"> {pricing.perMonth}</span>
                </p>
                <p className="plan__local">
                  {pricing.or} <span data-testid={`plan-${plan.id}-sar`}>{formatPrice(plan.sar, 'SAR', lang)}</span> {pricing.perMonth}
                </p>
                <p className="plan__description">{text.description}</p>
                <ul className="plan__features">
                  {text.features.map((f) => <li key={f}>{f}</li>)}
                </ul>
                <button
                  className={plan.featured ? 'button button--primary' : 'button button--secondary'}
                  data-testid={`cta-plan-${plan.id}`}
                  {...trialButton}
                >
                  {pricing.cta}
                  <span className="visually-hidden"> ({text.name})</span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
