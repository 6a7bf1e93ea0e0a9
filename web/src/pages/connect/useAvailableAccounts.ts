import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { fetchAvailableAccounts, type AvailableAccount, type PlatformId } from '../../api/connections';
import { requestErrorKey, type RequestErrorKey } from '../account/request-errors';

export type AvailableState =
  | { kind: 'loading' }
  /** `gone`: no grant to choose from (never connected, or disconnected meanwhile). */
  | { kind: 'failed'; problem: RequestErrorKey | 'gone' }
  | { kind: 'ready'; accounts: AvailableAccount[] };

/** The accounts the platform's grant reaches, loaded once per platform and on retry. */
export function useAvailableAccounts(platform: PlatformId): { state: AvailableState; reload: () => void } {
  const [state, setState] = useState<AvailableState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchAvailableAccounts(platform, controller.signal).then(
      (accounts) => setState({ kind: 'ready', accounts }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ kind: 'failed', problem: error instanceof ApiError && error.status === 404 ? 'gone' : requestErrorKey(error) });
      },
    );
    return () => controller.abort();
  }, [platform, attempt]);

  const reload = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, reload };
}
