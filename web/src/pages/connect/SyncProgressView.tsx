import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONNECTION_PATHS, syncPlatform, type PlatformId, type PlatformStatus } from '../../api/connections';
import { requestErrorKey, type RequestErrorKey } from '../account/request-errors';
import { cardActions, type Role } from './card-state';
import { formatPercentValue } from './format';
import { ProgressSteps } from './ProgressSteps';
import { AccountProblems } from './AccountProblems';
import { overallPercent, phaseOf, progressSteps, type Phase } from './progress';
import type { Connections } from './useConnections';
import { connectPaths } from './view';

const HEADING_ID = 'connect-progress-heading';

const TITLES: Record<Phase, 'title' | 'doneTitle' | 'partialTitle' | 'reconnectTitle' | 'waitingTitle' | 'idleTitle'> = {
  idle: 'idleTitle',
  waiting: 'waitingTitle',
  running: 'title',
  done: 'doneTitle',
  partial: 'partialTitle',
  reconnect: 'reconnectTitle',
};

/** "Syncing your data…": the bar, the mock-up's steps, failures, then "All set". */
export function SyncProgressView({ platform, connections, role }: { platform: PlatformId; connections: Connections; role: Role }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const headingRef = useRef<HTMLHeadingElement>(null);
  const name = t(`account.onboarding.platforms.names.${platform}`);
  const status: PlatformStatus | undefined = connections.status.platforms.find((p) => p.platform === platform);

  useEffect(() => {
    headingRef.current?.focus();
  }, [platform]);

  if (!status) return null;
  const phase = phaseOf(status);
  if (phase === 'idle') {
    return (
      <section className="connect-progress" aria-labelledby={HEADING_ID} data-testid="connect-progress" data-platform={platform} data-phase={phase}>
        <h1 id={HEADING_ID} ref={headingRef} tabIndex={-1} className="connect__title connect__heading">
          {t('account.connect.progress.idleTitle', { platform: name })}
        </h1>
        <div className="wizard-actions">
          <Link to={connectPaths.cards} className="button button--primary" data-testid="connect-another">
            {t('account.connect.problems.back')}
          </Link>
        </div>
      </section>
    );
  }
  const percent = phase === 'done' ? 100 : overallPercent(status);
  const steps = progressSteps(status);
  const active = steps.find((s) => s.status === 'active');
  // Read out when it changes: the phase, or which step runs (not every count, every second).
  const announcement = phase === 'running' && active ? `${t(`account.connect.progress.${TITLES[phase]}`)} ${t(`account.connect.progress.announce.${active.id}`)}` : t(`account.connect.progress.${TITLES[phase]}`, { platform: name });
  const canSync = cardActions(status, role).syncNow;

  return (
    <section className="connect-progress" aria-labelledby={HEADING_ID} data-testid="connect-progress" data-platform={platform} data-phase={phase}>
      <h1 id={HEADING_ID} ref={headingRef} tabIndex={-1} className="connect__title connect__heading">
        {t(`account.connect.progress.${TITLES[phase]}`, { platform: name })}
      </h1>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="connect-progress__meter">
        <div
          className="connect-progress__bar"
          role="progressbar"
          aria-label={t('account.connect.progress.bar', { platform: name })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={formatPercentValue(percent, language)}
          data-testid="connect-progress-bar"
        >
          <span className="connect-progress__fill" style={{ inlineSize: `${String(percent)}%` }} />
        </div>
        <span className="connect-progress__percent" aria-hidden="true" data-testid="connect-progress-percent">
          {formatPercentValue(percent, language)}
        </span>
      </div>
      <ProgressSteps steps={steps} platformName={name} />
      <AccountProblems status={status} />
      {connections.pollFailed ? (
        <p className="connect-note connect-note--warn" data-testid="connect-poll-error">
          {t('account.connect.progress.pollError')}{' '}
          <button type="button" className="link-button" onClick={connections.refresh}>
            {t('account.connect.progress.retry')}
          </button>
        </p>
      ) : null}
      <p className="connect-progress__lead">
        {phase === 'done'
          ? t('account.connect.progress.doneLead', { platform: name })
          : phase === 'partial'
            ? t('account.connect.progress.partialLead')
            : phase === 'reconnect'
              ? t('account.connect.progress.reconnectLead', { platform: name })
              : t('account.connect.progress.usual')}
      </p>
      <div className="wizard-actions wizard-actions--stack">
        <Link to={connectPaths.cards} className="button button--ghost" data-testid="connect-another">
          {t('account.connect.progress.another')}
        </Link>
        {phase === 'reconnect' ? (
          <a className="button button--primary wizard-actions__continue" href={CONNECTION_PATHS.start(platform)} data-testid="connect-reconnect">
            {t('account.connect.reconnect', { platform: name })}
          </a>
        ) : (
          <Link
            to="/app"
            className={phase === 'done' || phase === 'partial' ? 'button button--primary wizard-actions__continue' : 'button button--secondary wizard-actions__continue'}
            data-testid="connect-go-dashboard"
          >
            {t('account.connect.dashboard')}
          </Link>
        )}
      </div>
      {phase === 'partial' && canSync ? <SyncAgain platform={platform} onStarted={connections.refresh} /> : null}
    </section>
  );
}

/** After a sync that left some accounts failing: one more try, for all the platform's accounts. */
function SyncAgain({ platform, onStarted }: { platform: PlatformId; onStarted: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<RequestErrorKey | null>(null);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(null);
    try {
      await syncPlatform(platform);
      onStarted();
    } catch (error) {
      setFailed(requestErrorKey(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <p className="connect-progress__again">
      <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void run()} data-testid="connect-sync-again">
        {busy ? t('account.connect.syncStarting') : t('account.connect.progress.syncAgain')}
      </button>
      <span role="status" className="connect-manage__note--bad">
        {failed ? t(`account.${failed}`) : ''}
      </span>
    </p>
  );
}
