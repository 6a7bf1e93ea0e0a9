import { useTranslation } from 'react-i18next';
import { Link, redirect, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { ApiError } from '../../api/client';
import { fetchOnboarding, oauthStartPath } from '../../api/onboarding';
import { AccountLayout } from '../account/AccountLayout';
import { PLATFORMS } from './options';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';
import '../../styles/onboarding.css';

/**
 * Whether the server can start an OAuth connection yet. Until it can, the Connect buttons
 * stay disabled and say so: a link to a route that does not exist would end on an error page.
 */
const OAUTH_AVAILABLE = false;

/** Signed in, with the wizard finished (or back to it); signed out goes to /login. */
export async function connectLoader({ request }: LoaderFunctionArgs) {
  try {
    const state = await fetchOnboarding(request.signal);
    if (!state.completed) throw redirect('/onboarding');
    return { chosen: state.answers.platforms?.platforms ?? [] };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw redirect('/login');
    throw error;
  }
}

/** Stage 6's start: the four platforms, the ones chosen in setup marked. */
export function ConnectPage() {
  const { t } = useTranslation();
  const { chosen } = useLoaderData<typeof connectLoader>();
  const noteId = 'connect-note';
  return (
    <AccountLayout title={t('account.pageTitles.connect')} testId="connect-page" wide>
      <h1 className="connect__title">{t('account.connect.title')}</h1>
      <p className="wizard-lead">{t('account.connect.lead')}</p>
      {OAUTH_AVAILABLE ? null : (
        <p id={noteId} className="wizard-notice" data-testid="connect-note">
          {t('account.connect.unavailable')}
        </p>
      )}
      <ul className="connect-list">
        {PLATFORMS.map((platform) => {
          const isChosen = chosen.includes(platform);
          const name = t(`account.onboarding.platforms.names.${platform}`);
          const label = t('account.connect.connect', { platform: name });
          return (
            <li
              key={platform}
              className={isChosen ? 'connect-card connect-card--chosen' : 'connect-card'}
              data-testid={`connect-platform-${platform}`}
              data-chosen={isChosen}
            >
              <div className="connect-card__info">
                <h2 className="connect-card__name">{name}</h2>
                <p className="connect-card__description">{t(`account.onboarding.platforms.descriptions.${platform}`)}</p>
                <p className="connect-card__meta">
                  <span className="connect-card__status">
                    <span className="connect-card__status-dot" aria-hidden="true" />
                    {t('account.connect.status')}
                  </span>
                  {isChosen ? (
                    <span className="connect-card__chosen" data-testid={`connect-chosen-${platform}`}>
                      {t('account.connect.chosen')}
                    </span>
                  ) : null}
                </p>
              </div>
              {OAUTH_AVAILABLE ? (
                <a className="button button--primary connect-card__button" href={oauthStartPath(platform)} data-testid={`connect-button-${platform}`}>
                  {label}
                </a>
              ) : (
                <button type="button" className="button button--secondary connect-card__button" disabled aria-describedby={noteId} data-testid={`connect-button-${platform}`}>
                  {label}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <div className="wizard-actions wizard-actions--stack">
        <Link to="/onboarding" className="button button--ghost" data-testid="connect-review">
          {t('account.connect.review')}
        </Link>
        <Link to="/app" className="button button--primary wizard-actions__continue" data-testid="connect-dashboard">
          {t('account.connect.dashboard')}
        </Link>
      </div>
    </AccountLayout>
  );
}
