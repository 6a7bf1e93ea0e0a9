import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccountLayout } from './AccountLayout';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';

/** Password reset is not built yet; this says so rather than pretending to send anything. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  return (
    <AccountLayout title={t('account.pageTitles.forgotPassword')} testId="forgot-password">
      <h1>{t('account.forgot.title')}</h1>
      <p>{t('account.forgot.body')}</p>
      <Link to="/login" className="button button--secondary">
        {t('account.forgot.back')}
      </Link>
    </AccountLayout>
  );
}
