import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { redirect, useLoaderData, useLocation, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { fetchMe } from '../../api/auth';
import { ApiError } from '../../api/client';
import { fetchConnections } from '../../api/connections';
import { fetchOnboarding } from '../../api/onboarding';
import { AccountLayout } from '../account/AccountLayout';
import { AccountSelection } from './AccountSelection';
import { PlatformCards } from './PlatformCards';
import { SyncProgressView } from './SyncProgressView';
import { useConnections } from './useConnections';
import { viewFromSearch } from './view';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';
import '../../styles/onboarding.css';
import '../../styles/connect.css';
import '../../styles/connect-steps.css';

/** Signed in with the wizard finished (or back to it); signed out goes to /login. */
export async function connectLoader({ request }: LoaderFunctionArgs) {
  try {
    const [me, onboarding, connections] = await Promise.all([fetchMe(request.signal), fetchOnboarding(request.signal), fetchConnections(request.signal)]);
    if (!onboarding.completed) throw redirect('/onboarding');
    return { role: me.user.role, chosen: onboarding.answers.platforms?.platforms ?? [], connections };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw redirect('/login');
    throw error;
  }
}

export type ConnectLoaderData = Awaited<ReturnType<typeof connectLoader>>;

/**
 * Stage 6: the four platforms (connect, reconnect, sync, disconnect), then after the
 * platform's consent screen the account selection, then the first sync's progress.
 */
export function ConnectPage() {
  const { t } = useTranslation();
  const { role, chosen, connections } = useLoaderData<typeof connectLoader>();
  const { search, hash } = useLocation();
  const navigate = useNavigate();
  const view = viewFromSearch(search);
  const live = useConnections(connections);

  // Facebook Login appends `#_=_` to its redirect; it means nothing and would stay in the address.
  useEffect(() => {
    if (hash === '#_=_') void navigate({ search, hash: '' }, { replace: true, preventScrollReset: true });
  }, [hash, search, navigate]);
  return (
    <AccountLayout title={t('account.pageTitles.connect')} testId="connect-page" wide>
      {view.kind === 'select' ? (
        <AccountSelection key={view.platform} platform={view.platform} />
      ) : view.kind === 'progress' ? (
        <SyncProgressView platform={view.platform} connections={live} role={role} />
      ) : (
        <PlatformCards
          platforms={live.status.platforms}
          chosen={chosen}
          role={role}
          focus={view.kind === 'cards' ? view.focus : view.platform}
          problem={view.kind === 'problem' ? view : null}
          pollFailed={live.pollFailed}
          onChanged={live.refresh}
        />
      )}
    </AccountLayout>
  );
}
