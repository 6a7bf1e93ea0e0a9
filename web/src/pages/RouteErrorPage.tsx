import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from './NotFound';

/**
 * Catches render errors and failed lazy chunks. The latter typically means a
 * new deploy replaced the chunk files, which a reload fixes.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;

  return (
    <main className="simple-page route-error" role="alert" data-testid="route-error">
      <h1>{t('routeError.heading')}</h1>
      <p>{t('routeError.body')}</p>
      <button type="button" className="button button--primary" onClick={() => {
          window.location.reload();
        }}>
        {t('routeError.reload')}
      </button>
    </main>
  );
}
