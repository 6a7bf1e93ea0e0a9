import { useCallback, useEffect, useState } from 'react';
import { fetchSystemStatus, type SystemStatus } from '../../api/system';

export type SystemStatusState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'success'; data: SystemStatus };

export function useSystemStatus(): { state: SystemStatusState; reload: () => void } {
  const [state, setState] = useState<SystemStatusState>({ status: 'loading' });
  // Bumping this re-runs the effect; keeps fetching in one place for both first load and retries.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchSystemStatus(controller.signal).then(
      (data) => {
        setState({ status: 'success', data });
      },
      (error: unknown) => {
        // Leaving the page aborts the request; that is not an error worth showing.
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      controller.abort();
    };
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, reload };
}
