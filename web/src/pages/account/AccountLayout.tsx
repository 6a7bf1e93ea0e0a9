import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { MAIN_CONTENT_ID, SkipLink } from '../../components/SkipLink';
import '../../i18n/account';
import '../../styles/account.css';

interface AccountLayoutProps {
  title: string;
  testId: string;
  /** A wider card, for the setup wizard and its follow-up pages. */
  wide?: boolean;
  children: ReactNode;
}

/** The standalone account pages: brand, language switch, and one centred card. */
export function AccountLayout({ title, testId, wide = false, children }: AccountLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="simple-page account-page">
      <title>{title}</title>
      <SkipLink />
      <header className="simple-page__header">
        <Link to="/" className="brand">
          <BrandMark />
          <span>{t('common.productName')}</span>
        </Link>
        <LanguageSwitch />
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1}>
        <div className={wide ? 'account-card account-card--wide' : 'account-card'} data-testid={testId}>
          {children}
        </div>
      </main>
    </div>
  );
}
