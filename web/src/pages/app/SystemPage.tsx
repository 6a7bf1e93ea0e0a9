import { useTranslation } from 'react-i18next';
import type { SystemStatus } from '../../api/system';
import { formatDuration, formatNumber } from '../../lib/format';
import { HealthBadge } from './HealthBadge';
import { QueueTable } from './QueueTable';
import { useSystemStatus } from './useSystemStatus';

export function SystemPage() {
  const { t } = useTranslation();
  const { state, reload } = useSystemStatus();

  return (
    <section className="page" aria-labelledby="page-title" aria-busy={state.status === 'loading'}>
      <title>{t('app.pageTitle', { page: t('app.nav.system') })}</title>
      <div className="page__head">
        <h1 id="page-title" className="page__title">{t('system.heading')}</h1>
        {state.status === 'success' && (
          <button type="button" className="button button--secondary" onClick={reload} data-testid="system-refresh">
            {t('system.refresh')}
          </button>
        )}
      </div>
      <p className="page__intro">{t('system.intro')}</p>

      {state.status === 'loading' && (
        <p role="status" className="notice" data-testid="system-loading">{t('system.loading')}</p>
      )}

      {state.status === 'error' && (
        <div role="alert" className="notice notice--error" data-testid="system-error">
          <h2 className="notice__title">{t('system.errorTitle')}</h2>
          {/* Server messages are not translated; isolate them so mixed scripts order correctly. */}
          <p><bdi data-testid="system-error-message">{state.message}</bdi></p>
          <button type="button" className="button button--secondary" onClick={reload} data-testid="system-retry">
            {t('system.retry')}
          </button>
        </div>
      )}

      {state.status === 'success' && <StatusDetails data={state.data} />}
    </section>
  );
}

function StatusDetails({ data }: { data: SystemStatus }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  // A mode added on the server before the UI knows it still shows, untranslated.
  const mode = t(`system.modes.${data.mode}`, { defaultValue: data.mode });

  return (
    <>
      <dl className="status-list" data-testid="system-status">
        <div className="status-list__row">
          <dt>{t('system.fields.version')}</dt>
          <dd><bdi data-testid="status-version">{data.version}</bdi></dd>
        </div>
        <div className="status-list__row">
          <dt>{t('system.fields.mode')}</dt>
          <dd data-testid="status-mode" data-value={data.mode}>{mode}</dd>
        </div>
        <div className="status-list__row">
          <dt>{t('system.fields.role')}</dt>
          <dd><bdi data-testid="status-role">{data.role}</bdi></dd>
        </div>
        <div className="status-list__row">
          <dt>{t('system.fields.database')}</dt>
          <dd className="status-list__inline">
            <HealthBadge ok={data.database.ok} testId="status-database" />
            {data.database.latencyMs !== null && (
              <span data-testid="status-database-latency">
                {t('system.latency', { ms: formatNumber(data.database.latencyMs, language) })}
              </span>
            )}
          </dd>
        </div>
        <div className="status-list__row">
          <dt>{t('system.fields.queue')}</dt>
          <dd>
            <HealthBadge ok={data.queue.ok} testId="status-queue" />
            <QueueTable queues={data.queue.queues} />
          </dd>
        </div>
        <div className="status-list__row">
          <dt>{t('system.fields.scheduler')}</dt>
          <dd data-testid="status-scheduler" data-value={data.scheduler.lastHeartbeatAt ?? ''}>
            {data.scheduler.ageSeconds !== null
              ? t('system.schedulerLastRun', {
                  ago: formatDuration(data.scheduler.ageSeconds, language),
                  worker: data.scheduler.worker ?? '?',
                })
              : t('system.schedulerNotYet')}
          </dd>
        </div>
        <div className="status-list__row">
          <dt>{t('system.fields.uptime')}</dt>
          <dd data-testid="status-uptime" data-value={data.uptimeSeconds}>
            {formatDuration(data.uptimeSeconds, language)}
          </dd>
        </div>
      </dl>
      <details className="raw-json">
        <summary>{t('system.raw')}</summary>
        {/* JSON reads left-to-right whatever the page direction. */}
        <pre dir="ltr" data-testid="system-raw">{JSON.stringify(data, null, 2)}</pre>
      </details>
    </>
  );
}
