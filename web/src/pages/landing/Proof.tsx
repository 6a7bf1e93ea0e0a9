import type { LandingCopy } from './copy';

// Brand names stay in Latin script in both languages, as on the platforms' own Arabic sites.
const PLATFORMS = ['Meta', 'Google', 'TikTok', 'Snapchat'] as const;

/** Social proof: who it is for, the four platforms, and a few figures that are true of the product. */
export function Proof({ copy }: { copy: LandingCopy }) {
  const proof = copy.proof;
  return (
    <section className="proof" aria-labelledby="proof-heading" data-testid="social-proof">
      <div className="container">
        <div className="proof__inner">
          <h2 id="proof-heading" className="proof__heading">{proof.heading}</h2>
          <ul className="proof__platforms" aria-label={proof.platformsLabel}>
            {PLATFORMS.map((name) => (
              <li key={name} lang="en" dir="ltr">{name}</li>
            ))}
          </ul>
        </div>
        <dl className="figures" aria-label={proof.figuresLabel}>
          {proof.figures.map((f) => (
            <div key={f.label} className="figure">
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
