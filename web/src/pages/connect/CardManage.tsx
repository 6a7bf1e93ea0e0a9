import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { disconnectPlatform, syncPlatform, type PlatformId } from '../../api/connections';
import { requestErrorKey } from '../account/request-errors';

type Busy = 'sync' | 'disconnect' | null;
export type CardNote = { tone: 'ok' | 'bad'; text: string } | null;

interface CardManageProps {
  platform: PlatformId;
  name: string;
  syncNow: boolean;
  disconnect: boolean;
  /** What happened, for the card's live region (it outlives these buttons). */
  onNote: (note: CardNote) => void;
  onSynced: () => void;
  onDisconnected: () => void;
}

/** "Sync now" and "Disconnect" (asked twice: it deletes the synced data). */
export function CardManage({ platform, name, syncNow, disconnect, onNote, onSynced, onDisconnected }: CardManageProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Busy>(null);
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const disconnectRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Opening the question puts the focus on its safe answer; closing it returns the focus.
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      disconnectRef.current?.focus();
    }
  }, [confirming]);

  const explain = (error: unknown) => {
    const forbidden = error instanceof ApiError && error.status === 403;
    onNote({ tone: 'bad', text: forbidden ? t('account.connect.forbidden') : error instanceof ApiError && error.status === 409 ? error.message : t(`account.${requestErrorKey(error)}`) });
  };

  const runSync = async () => {
    if (busy) return;
    setBusy('sync');
    onNote(null);
    try {
      await syncPlatform(platform);
      onNote({ tone: 'ok', text: t('account.connect.syncStarted', { platform: name }) });
      onSynced();
    } catch (error) {
      explain(error);
    } finally {
      setBusy(null);
    }
  };

  const runDisconnect = async () => {
    if (busy) return;
    setBusy('disconnect');
    onNote(null);
    try {
      await disconnectPlatform(platform);
      onNote({ tone: 'ok', text: t('account.connect.disconnect.done', { platform: name }) });
      onDisconnected();
    } catch (error) {
      explain(error);
    } finally {
      setBusy(null);
    }
  };

  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };

  const confirmTitleId = `connect-disconnect-title-${platform}`;
  return (
    <div className="connect-manage">
      {confirming ? (
        <div className="connect-confirm" role="group" aria-labelledby={confirmTitleId} data-testid={`connect-disconnect-confirm-${platform}`}>
          <p id={confirmTitleId} className="connect-confirm__title">
            {t('account.connect.disconnect.title', { platform: name })}
          </p>
          <p className="connect-confirm__body">{t('account.connect.disconnect.body', { platform: name })}</p>
          <div className="connect-manage__buttons">
            <button type="button" className="button connect-button--danger" aria-disabled={busy ? true : undefined} onClick={() => void runDisconnect()} data-testid={`connect-disconnect-yes-${platform}`}>
              {busy === 'disconnect' ? t('account.connect.disconnect.working') : t('account.connect.disconnect.confirm')}
            </button>
            <button ref={keepRef} type="button" className="button button--ghost" onClick={cancel} data-testid={`connect-disconnect-no-${platform}`}>
              {t('account.connect.disconnect.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="connect-manage__buttons">
          {syncNow ? (
            <button type="button" className="button button--secondary" aria-disabled={busy ? true : undefined} onClick={() => void runSync()} data-testid={`connect-sync-${platform}`}>
              {busy === 'sync' ? t('account.connect.syncStarting') : t('account.connect.syncNow')}
            </button>
          ) : null}
          {disconnect ? (
            <button ref={disconnectRef} type="button" className="button button--ghost connect-manage__disconnect" onClick={() => setConfirming(true)} data-testid={`connect-disconnect-${platform}`}>
              {t('account.connect.disconnect.button')}
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}
