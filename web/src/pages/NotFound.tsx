import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SimplePage } from '../components/SimplePage';

/** The 404 message alone; the app shell renders it inside its own layout. */
export function NotFoundContent() {
  const { t } = useTranslation();
  return (
    <section className="not-found" aria-labelledby="not-found-title" data-testid="not-found">
      <title>{t('notFound.pageTitle')}</title>
      <p className="not-found__code" aria-hidden="true">{t('notFound.code')}</p>
      <h1 id="not-found-title">{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <div className="not-found__actions">
        <Link to="/" className="button button--primary">{t('notFound.home')}</Link>
        <Link to="/app" className="button button--secondary">{t('notFound.app')}</Link>
      </div>
    </section>
  );
}

/** Standalone 404 for unknown routes outside /app. */
export function NotFoundPage() {
  return (
    <SimplePage>
      <NotFoundContent />
    </SimplePage>
  );
}
