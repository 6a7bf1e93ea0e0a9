import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { redirect, useLoaderData, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { fetchMe, logOut } from '../../api/auth';
import { ApiError } from '../../api/client';
import { AccountLayout } from './AccountLayout';
import { requestErrorKey, type RequestErrorKey } from './request-errors';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';

/** Signed in or off to /login; any other failure is the route's error screen. */
export async function onboardingLoader({ request }: LoaderFunctionArgs) {
  try {
    return await fetchMe(request.signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw redirect('/login');
    throw error;
  }
}

/** Where verification lands. The setup wizard comes later; this greets and says so. */
export function OnboardingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useLoaderData<typeof onboardingLoader>();
  const [signingOut, setSigningOut] = useState(false);
  const [failure, setFailure] = useState<RequestErrorKey | null>(null);

  const signOut = async () => {
    if (signingOut) return;
    setSigningOut(true);
    setFailure(null);
    try {
      await logOut();
      await navigate('/');
    } catch (error) {
      setFailure(requestErrorKey(error));
      setSigningOut(false);
    }
  };

  return (
    <AccountLayout title={t('account.pageTitles.onboarding')} testId="onboarding">
      <h1 data-testid="onboarding-welcome">
        {t('account.onboarding.welcome', { name: user.first_name || user.full_name || user.email })}
      </h1>
      <p className="muted" data-testid="onboarding-workspace">
        {t('account.onboarding.workspace', { name: user.workspace.name })}
      </p>
      <p>{t('account.onboarding.next')}</p>
      {failure ? (
        <p className="form-alert" role="alert" data-testid="sign-out-error">
          {t(`account.${failure}`)}
        </p>
      ) : null}
      <button type="button" className="button button--secondary" data-testid="sign-out" aria-disabled={signingOut || undefined} onClick={() => void signOut()}>
        {signingOut ? t('account.onboarding.signingOut') : t('account.onboarding.signOut')}
      </button>
    </AccountLayout>
  );
}
