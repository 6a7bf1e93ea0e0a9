import type { ReactNode } from 'react';
import { SimplePage } from '../../components/SimplePage';
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
  return (
    <SimplePage className="account-page">
      <title>{title}</title>
      <div className={wide ? 'account-card account-card--wide' : 'account-card'} data-testid={testId}>
        {children}
      </div>
    </SimplePage>
  );
}
