import type { ReactNode } from 'react';
import type { LandingCopy } from './copy';

type FeatureKey = keyof LandingCopy['features']['items'];

// Inline strokes keep the page free of an icon library and of image requests.
const ICONS: Record<FeatureKey, ReactNode> = {
  trustGate: <path d="M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6l-8-3Zm-3.5 9 2.5 2.5 4.5-5" />,
  budgets: <path d="M4 19h16M7 16V9m5 7V5m5 11v-4" />,
  dashboard: <path d="M4 4h7v7H4zM13 4h7v4h-7zM13 10h7v10h-7zM4 13h7v7H4z" />,
  conversions: <path d="M4 7h12m0 0-3-3m3 3-3 3M20 17H8m0 0 3-3m-3 3 3 3" />,
};

const FEATURES: readonly FeatureKey[] = ['trustGate', 'budgets', 'dashboard', 'conversions'];

export function FeatureList({ copy }: { copy: LandingCopy }) {
  return (
    <ul className="features">
      {FEATURES.map((key) => (
        <li key={key} className="feature" data-testid={`feature-${key}`}>
          <svg
            className="feature__icon"
            viewBox="0 0 24 24"
            width="28"
            height="28"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden="true"
            focusable="false"
          >
            {ICONS[key]}
          </svg>
          <h3 className="feature__title">{copy.features.items[key].title}</h3>
          <p>{copy.features.items[key].body}</p>
        </li>
      ))}
    </ul>
  );
}
