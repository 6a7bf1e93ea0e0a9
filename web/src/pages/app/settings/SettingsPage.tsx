import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import { fetchMe } from '../../../api/auth';
import { ApiError } from '../../../api/client';
import { fetchOnboarding } from '../../../api/onboarding';
import { requestErrorKey } from '../../account/request-errors';
import { bidiIsolate } from '../../onboarding/options';
import { Preferences } from './Preferences';
// The step components' strings (`account.onboarding.*`) and this page's (`account.settings.*`).
import '../../../i18n/account';
// The wizard's form controls and choice cards, then this page's layout.
import '../../../styles/account.css';
import '../../../styles/onboarding.css';
import './settings.css';

/**
 * The signed-in user and the saved answers. Signed out or unreachable is shown inside the
 * app shell (the rest of /app is open too), not thrown to the route's error screen.
 */
export async function settingsLoader({ request }: LoaderFunctionArgs) {
  try {
    const [me, state] = await Promise.all([fetchMe(request.signal), fetchOnboarding(request.signal)]);
    return { status: 'ready', user: me.user, state } as const;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { status: 'signedOut' } as const;
    return { status: 'failed', problem: requestErrorKey(error) } as const;
  }
}

/** /app/settings: the onboarding answers, editable later (Preferences). */
export function SettingsPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof settingsLoader>();
  const revalidator = useRevalidator();
  const title = t('app.nav.settings');

  return (
    <section className="page settings" aria-labelledby="page-title" data-testid="settings">
      <title>{t('app.pageTitle', { page: title })}</title>
      <h1 id="page-title" className="page__title">
        {title}
      </h1>
      {data.status === 'ready' ? (
        <>
          <p className="page__intro settings__intro">
            {t('account.settings.intro')}{' '}
            <span className="settings__workspace" data-testid="settings-workspace">
              {t('account.settings.workspace', { name: bidiIsolate(data.user.workspace.name) })}
            </span>
          </p>
          {data.state.completed ? (
            <Preferences user={data.user} loaded={data.state} />
          ) : (
            <p className="notice settings__notice" data-testid="settings-incomplete">
              {t('account.settings.incomplete')} <Link to="/onboarding">{t('account.settings.incompleteLink')}</Link>
            </p>
          )}
        </>
      ) : null}
      {data.status === 'signedOut' ? (
        <p className="notice settings__notice" data-testid="settings-signed-out">
          {t('account.settings.signedOut')} <Link to="/login">{t('account.settings.signIn')}</Link>
        </p>
      ) : null}
      {data.status === 'failed' ? (
        <div className="notice notice--error settings__notice" role="alert" data-testid="settings-load-error">
          <p className="notice__title">{t('account.settings.loadFailed')}</p>
          <p>{t(`account.${data.problem}`)}</p>
          <button
            type="button"
            className="button button--secondary"
            data-testid="settings-retry"
            aria-disabled={revalidator.state === 'loading' || undefined}
            onClick={() => {
              if (revalidator.state === 'idle') void revalidator.revalidate();
            }}
          >
            {t('account.settings.retry')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
