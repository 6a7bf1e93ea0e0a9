import type { LandingCopy } from './copy';

export function CaseStudies({ copy }: { copy: LandingCopy }) {
  const cs = copy.caseStudies;
  return (
    <section id="case-studies" className="section" aria-labelledby="case-studies-heading">
      <div className="container">
        <h2 id="case-studies-heading" className="section__heading">{cs.heading}</h2>
        <p className="section__intro">{cs.intro}</p>
        <ul className="cases">
          {cs.items.map((c) => (
            <li key={c.company} className="case" data-testid="case-study">
              <p className="case__metric">{c.metric}</p>
              <h3 className="case__company">{c.company}</h3>
              <p className="case__sector">{c.sector}</p>
              <p>{c.body}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

export function Testimonials({ copy }: { copy: LandingCopy }) {
  const t = copy.testimonials;
  return (
    <section className="section section--tinted" aria-labelledby="testimonials-heading" data-testid="testimonials">
      <div className="container">
        <h2 id="testimonials-heading" className="section__heading">{t.heading}</h2>
        <ul className="quotes">
          {t.items.map((q) => (
            <li key={q.name}>
              <figure className="quote" data-testid="testimonial">
                <blockquote><p>{q.quote}</p></blockquote>
                <figcaption>
                  <span className="quote__name">{q.name}</span>
                  <span className="quote__role">{q.role}</span>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
