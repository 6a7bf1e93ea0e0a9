import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccountLayout } from './AccountLayout';
import { ResendVerification } from './ResendVerification';
import { useQueryParam } from './use-query-param';
import { toVerifyStatus } from './verify-status';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';

/** Where a failed verification link lands: `/verify-email?status=expired|used|unknown&email=`. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const status = toVerifyStatus(useQueryParam('status'));
  const email = useQueryParam('email');
  const signInHref = email ? `/login?${new URLSearchParams({ email }).toString()}` : '/login';

  return (
    <AccountLayout title={t('account.pageTitles.verifyEmail')} testId="verify-email">
      <div className="verify" data-status={status} data-testid={`verify-${status}`}>
        <svg className="verify__icon" viewBox="0 0 48 48" width="56" height="56" aria-hidden="true" focusable="false">
          <circle cx="24" cy="24" r="24" fill="currentColor" opacity="0.14" />
          <path d="M24 13v14m0 6.5v.5" fill="none" stroke="currentColor" strokeWidth="3.2" strokeLinecap="round" />
        </svg>
        <h1 className="verify__title" data-testid="verify-title">
          {t(`account.verify.${status}.title`)}
        </h1>
        <p>{t(`account.verify.${status}.body`)}</p>
        {status === 'used' ? (
          <Link to={signInHref} className="button button--primary" data-testid="verify-sign-in">
            {t('account.verify.signIn')}
          </Link>
        ) : null}
        <section className="verify__resend" aria-labelledby="verify-resend-heading">
          <h2 id="verify-resend-heading" className="verify__resend-heading">
            {t('account.verify.resendIntro')}
          </h2>
          <ResendVerification email={email} editable primary={status !== 'used'} />
        </section>
      </div>
    </AccountLayout>
  );
}
