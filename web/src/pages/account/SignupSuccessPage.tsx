import { useTranslation } from 'react-i18next';
import { AccountLayout } from './AccountLayout';
import { SignupSuccess } from './SignupSuccess';
import { useQueryParam } from './use-query-param';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';

/** `/signup/success?email=`: the dialog's check-your-inbox screen at an address of its own. */
export function SignupSuccessPage() {
  const { t } = useTranslation();
  const email = useQueryParam('email');
  return (
    <AccountLayout title={t('account.pageTitles.signupSuccess')} testId="signup-success-page">
      <SignupSuccess email={email} titleId="signup-success-title" headingLevel={1} />
    </AccountLayout>
  );
}
