import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlatformId, PlatformStatus } from '../../api/connections';
import type { AdPlatform } from '../../api/onboarding';
import type { Role } from './card-state';
import { ConnectProblem } from './ConnectProblem';
import { PlatformCard } from './PlatformCard';
import type { ConnectView } from './view';

interface PlatformCardsProps {
  platforms: readonly PlatformStatus[];
  chosen: readonly AdPlatform[];
  role: Role;
  /** A platform to draw the eye to (the reconnect email's link, a failed attempt). */
  focus: PlatformId | null;
  problem: Extract<ConnectView, { kind: 'problem' }> | null;
  pollFailed: boolean;
  onChanged: () => void;
}

/** The four platforms, the ones chosen in setup marked, with what can be done with each. */
export function PlatformCards({ platforms, chosen, role, focus, problem, pollFailed, onChanged }: PlatformCardsProps) {
  const { t } = useTranslation();
  return (
    <>
      {problem ? <ConnectProblem platform={problem.platform} problem={problem.problem} /> : null}
      <h1 className="connect__title">{t('account.connect.title')}</h1>
      <p className="wizard-lead">{t('account.connect.lead')}</p>
      {pollFailed ? (
        <p className="connect-note connect-note--warn" role="status" data-testid="connect-poll-error">
          {t('account.connect.progress.pollError')}
        </p>
      ) : null}
      <ul className="connect-list">
        {platforms.map((p) => (
          <PlatformCard key={p.platform} status={p} chosen={chosen.includes(p.platform)} highlighted={focus === p.platform} role={role} onChanged={onChanged} />
        ))}
      </ul>
      <div className="wizard-actions wizard-actions--stack">
        <Link to="/onboarding" className="button button--ghost" data-testid="connect-review">
          {t('account.connect.review')}
        </Link>
        <Link to="/app" className="button button--primary wizard-actions__continue" data-testid="connect-dashboard">
          {t('account.connect.dashboard')}
        </Link>
      </div>
    </>
  );
}
