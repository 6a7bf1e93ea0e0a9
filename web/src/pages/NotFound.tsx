import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BrandMark } from '../components/BrandMark';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { MAIN_CONTENT_ID, SkipLink } from '../components/SkipLink';

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
  const { t } = useTranslation();
  return (
    <div className="simple-page">
      <SkipLink />
      <header className="simple-page__header">
        <Link to="/" className="brand">
          <BrandMark />
          <span>{t('common.productName')}</span>
        </Link>
        <LanguageSwitch />
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1}>
        <NotFoundContent />
      </main>
    </div>
  );
}
