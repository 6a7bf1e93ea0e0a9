import { useTranslation } from 'react-i18next';
import type { ConnectedAccount, PlatformId } from '../../api/connections';
import { formatDateTime, formatPercentValue } from './format';
import { accountPercent } from './progress';
import { displayAccountId } from './selection';

/** The accounts connected under a platform, each with where its sync stands. */
export function ConnectedAccounts({ platform, accounts }: { platform: PlatformId; accounts: readonly ConnectedAccount[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const line = (a: ConnectedAccount): string => {
    switch (a.syncStatus) {
      case 'queued':
        return t('account.connect.accounts.queued');
      case 'syncing':
        return t('account.connect.accounts.syncing', { percent: formatPercentValue(accountPercent(a), language) });
      case 'failed':
        return t('account.connect.accounts.failed');
      case 'needs_reconnect':
        return t('account.connect.accounts.needs_reconnect');
      default:
        return a.lastSyncedAt ? t('account.connect.accounts.lastSynced', { time: formatDateTime(a.lastSyncedAt, language) }) : t('account.connect.accounts.never');
    }
  };
  return (
    <div className="connect-accounts">
      <h3 className="connect-card__subtitle">{t('account.connect.accounts.title')}</h3>
      <ul className="connect-accounts__list" data-testid={`connect-accounts-${platform}`}>
        {accounts.map((a) => (
          <li key={a.id} className="connect-accounts__item" data-testid={`connect-account-row-${a.externalId}`} data-sync={a.syncStatus}>
            <span className="connect-accounts__name">
              <bdi>{a.name}</bdi> <span className="connect-accounts__id" dir="ltr">{displayAccountId(platform, a.externalId)}</span>
            </span>
            <span className={a.syncStatus === 'failed' || a.syncStatus === 'needs_reconnect' ? 'connect-accounts__sync connect-accounts__sync--bad' : 'connect-accounts__sync'}>
              {line(a)}
              {a.syncStatus === 'failed' && a.lastError ? <span className="connect-accounts__error">: {a.lastError}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
