import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BrandMark } from './BrandMark';
import { LanguageSwitch } from './LanguageSwitch';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink';

/** A page outside the app shell: skip link, brand home link, language switch, and its content. */
export function SimplePage({ className, children }: { className?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={className ? `simple-page ${className}` : 'simple-page'}>
      <SkipLink />
      <header className="simple-page__header">
        <Link to="/" className="brand">
          <BrandMark />
          <span>{t('common.productName')}</span>
        </Link>
        <LanguageSwitch />
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
