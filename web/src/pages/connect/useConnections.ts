import { useCallback, useEffect, useState } from 'react';
import { fetchConnections, type ConnectionsStatus } from '../../api/connections';
import { anyRunning } from './card-state';

/** How often the page asks while a sync runs, and after a failed ask. */
export const POLL_MS = 1_000;
export const RETRY_MS = 3_000;
/**
 * "Sync now" queues jobs without marking the accounts, so for a moment nothing looks
 * running; the page keeps asking this long after an action before it believes that.
 */
export const ACTION_GRACE_MS = 8_000;

export interface Connections {
  status: ConnectionsStatus;
  /** The last ask failed; the page says so and tries again. */
  pollFailed: boolean;
  /** Ask now (and keep asking a while even if nothing runs yet): after an action, or "Check now". */
  refresh: () => void;
}

interface Polled {
  /** The loader's answer this one followed: a new navigation's answer replaces it. */
  base: ConnectionsStatus;
  data: ConnectionsStatus;
}

/**
 * The connections as the loader read them, then kept fresh: asked every second while any
 * platform syncs (and stopped when none does), every few seconds after a failed ask.
 */
export function useConnections(initial: ConnectionsStatus): Connections {
  const [polled, setPolled] = useState<Polled | null>(null);
  const [pollFailed, setPollFailed] = useState(false);
  const [round, setRound] = useState(0);
  const [graceUntil, setGraceUntil] = useState(0);
  // Set by refresh(): the next ask goes out at once instead of after the usual pause.
  const [askNow, setAskNow] = useState(false);
  const status = polled && polled.base === initial ? polled.data : initial;
  const running = anyRunning(status.platforms);
  const [now, setNow] = useState(() => Date.now());
  const inGrace = graceUntil > now;

  useEffect(() => {
    if (!running && !inGrace && !pollFailed) return;
    const controller = new AbortController();
    const timer = window.setTimeout(
      () => {
        fetchConnections(controller.signal).then(
          (data) => {
            setPolled({ base: initial, data });
            setPollFailed(false);
            setAskNow(false);
            setNow(Date.now());
            setRound((n) => n + 1);
          },
          () => {
            if (controller.signal.aborted) return;
            setPollFailed(true);
            setAskNow(false);
            setNow(Date.now());
            setRound((n) => n + 1);
          },
        );
      },
      askNow ? 0 : pollFailed ? RETRY_MS : POLL_MS,
    );
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [initial, running, inGrace, pollFailed, round, askNow]);

  const refresh = useCallback(() => {
    const at = Date.now();
    setGraceUntil(at + ACTION_GRACE_MS);
    setAskNow(true);
    setNow(at);
    setRound((n) => n + 1);
  }, []);

  return { status, pollFailed, refresh };
}
