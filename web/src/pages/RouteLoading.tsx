import { useTranslation } from 'react-i18next';

/** Shown while a lazily loaded route's code arrives on first load. */
export function RouteLoading() {
  const { t } = useTranslation();
  return (
    <p className="route-loading" role="status" data-testid="route-loading">
      {t('common.loading')}
    </p>
  );
}
