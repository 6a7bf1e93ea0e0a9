import { useTranslation } from 'react-i18next';
import type { PlatformStatus } from '../../api/connections';
import { formatWaitUntil } from './format';
import { accountProblems } from './progress';

/** Accounts that failed or wait out the platform's rate limit, with what the platform said. */
export function AccountProblems({ status }: { status: PlatformStatus }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const now = new Date();
  const problems = accountProblems(status, now);
  if (problems.length === 0) return null;
  return (
    <div className="connect-problems" data-testid="connect-account-problems">
      <h2 className="connect-card__subtitle">{t('account.connect.progress.problemsTitle')}</h2>
      <ul className="connect-problems__list">
        {problems.map((p) => (
          <li key={p.id} className={p.final ? 'connect-problems__item connect-problems__item--final' : 'connect-problems__item'} data-testid={`connect-account-problem-${p.id}`}>
            <strong>
              <bdi>{p.name}</bdi>
            </strong>
            {p.error ? <span className="connect-problems__error">{p.error}</span> : null}
            {p.waitingUntil ? (
              <span className="connect-problems__wait">{t('account.connect.progress.waiting', { time: formatWaitUntil(p.waitingUntil, language, now) })}</span>
            ) : !p.final ? (
              <span className="connect-problems__wait">{t('account.connect.progress.retrying')}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
