import { useTranslation } from 'react-i18next';
import type { PlaceholderSection } from './sections';

// Deliberately no sample figures: numbers only appear once they come from real accounts.
export function PlaceholderPage({ section }: { section: PlaceholderSection }) {
  const { t } = useTranslation();
  const title = t(`app.nav.${section}`);

  return (
    <section className="page" aria-labelledby="page-title">
      <title>{t('app.pageTitle', { page: title })}</title>
      <h1 id="page-title" className="page__title">{title}</h1>
      <div className="empty-state" data-testid="coming-soon">
        <svg className="empty-state__icon" viewBox="0 0 24 24" width="40" height="40" fill="none" stroke="currentColor"
          strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7v5l3 2" />
        </svg>
        <p className="empty-state__title">{t('app.comingSoon')}</p>
        <p className="empty-state__body">{t(`app.placeholder.${section}`)}</p>
      </div>
    </section>
  );
}
