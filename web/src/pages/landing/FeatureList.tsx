import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FeatureKey = 'trustGate' | 'dashboard' | 'conversions';

// Inline strokes keep the landing bundle free of an icon library.
const ICONS: Record<FeatureKey, ReactNode> = {
  trustGate: <path d="M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6l-8-3Zm-3.5 9 2.5 2.5 4.5-5" />,
  dashboard: <path d="M4 4h7v7H4zM13 4h7v4h-7zM13 10h7v10h-7zM4 13h7v7H4z" />,
  conversions: <path d="M4 7h12m0 0-3-3m3 3-3 3M20 17H8m0 0 3-3m-3 3 3 3" />,
};

const FEATURES: readonly FeatureKey[] = ['trustGate', 'dashboard', 'conversions'];

export function FeatureList() {
  const { t } = useTranslation();
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
          <h3 className="feature__title">{t(`landing.features.${key}.title`)}</h3>
          <p>{t(`landing.features.${key}.body`)}</p>
        </li>
      ))}
    </ul>
  );
}
