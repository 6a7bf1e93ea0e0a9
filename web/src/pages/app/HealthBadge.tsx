import { useTranslation } from 'react-i18next';

// Text as well as colour, so the state is not conveyed by colour alone.
export function HealthBadge({ ok, testId }: { ok: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <span className={ok ? 'badge badge--ok' : 'badge badge--bad'} data-testid={testId} data-ok={String(ok)}>
      {ok ? t('system.healthy') : t('system.unhealthy')}
    </span>
  );
}
