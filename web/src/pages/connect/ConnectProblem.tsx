import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONNECTION_PATHS, type CallbackProblem, type PlatformId } from '../../api/connections';
import { connectPaths } from './view';

/**
 * Why the platform's round trip connected nothing, in words, with the way out: start again
 * (a full-page navigation to the platform) or go back to the cards.
 */
export function ConnectProblem({ platform, problem }: { platform: PlatformId | null; problem: CallbackProblem }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // The page opened on this message: screen readers start here, not at the page's top.
  useEffect(() => {
    ref.current?.focus();
  }, [platform, problem]);
  const name = platform ? t(`account.onboarding.platforms.names.${platform}`) : t('account.connect.problems.somePlatform');
  return (
    <div ref={ref} className="form-alert connect-problem" role="alert" tabIndex={-1} data-testid="connect-error" data-problem={problem}>
      <p className="connect-problem__title">{t('account.connect.problems.title')}</p>
      <p data-testid="connect-error-message">{t(`account.connect.problems.${problem}`, { platform: name })}</p>
      <p className="connect-problem__actions">
        {platform ? (
          <a className="button button--primary" href={CONNECTION_PATHS.start(platform)} data-testid="connect-try-again">
            {t('account.connect.problems.tryAgain')}
          </a>
        ) : null}
        <Link className="button button--ghost" to={connectPaths.cards} data-testid="connect-error-back">
          {t('account.connect.problems.back')}
        </Link>
      </p>
    </div>
  );
}
