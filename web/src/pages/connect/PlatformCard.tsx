import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONNECTION_PATHS, type PlatformStatus } from '../../api/connections';
import { CHIP_TONES, cardActions, type Role } from './card-state';
import { CardManage, type CardNote } from './CardManage';
import { ConnectedAccounts } from './ConnectedAccounts';
import { Permissions } from './Permissions';
import { connectPaths } from './view';

interface PlatformCardProps {
  status: PlatformStatus;
  chosen: boolean;
  highlighted: boolean;
  role: Role;
  onChanged: () => void;
}

/** One platform: name, status, permissions, connected accounts and what can be done now. */
export function PlatformCard({ status, chosen, highlighted, role, onChanged }: PlatformCardProps) {
  const { t } = useTranslation();
  const id = status.platform;
  const name = t(`account.onboarding.platforms.names.${id}`);
  const actions = cardActions(status, role);
  const [note, setNote] = useState<CardNote>(null);
  const mainRef = useRef<HTMLAnchorElement>(null);
  const focusMain = useRef(false);

  // After a disconnect the buttons that had the focus are gone: "Connect" takes it once it shows.
  useEffect(() => {
    if (!focusMain.current || status.state !== 'not_connected') return;
    focusMain.current = false;
    mainRef.current?.focus();
  }, [status.state]);

  const disconnected = () => {
    focusMain.current = true;
    onChanged();
  };
  const classes = ['connect-card', chosen ? 'connect-card--chosen' : '', highlighted ? 'connect-card--highlight' : ''].filter(Boolean).join(' ');
  const hint =
    status.state === 'not_configured'
      ? t('account.connect.notConfigured', { platform: name })
      : status.state === 'needs_reconnect'
        ? t('account.connect.reconnectHint', { platform: name })
        : status.state === 'selecting'
          ? t('account.connect.chooseHint', { platform: name })
          : null;
  return (
    <li className={classes} data-testid={`connect-platform-${id}`} data-chosen={chosen} data-state={status.state}>
      <div className="connect-card__head">
        <div className="connect-card__info">
          <h2 className="connect-card__name">{name}</h2>
          <p className="connect-card__description">{t(`account.onboarding.platforms.descriptions.${id}`)}</p>
          <p className="connect-card__meta">
            <span className={`connect-chip connect-chip--${CHIP_TONES[status.state]}`} data-testid={`connect-status-${id}`}>
              <span className="connect-chip__dot" aria-hidden="true" />
              <span className="visually-hidden">{t('account.connect.statusLabel')} </span>
              {t(`account.connect.status.${status.state}`)}
            </span>
            {status.mode === 'sandbox' ? (
              <span className="connect-badge connect-badge--sandbox" title={t('account.connect.sandboxHint')} data-testid={`connect-sandbox-${id}`}>
                {t('account.connect.sandbox')}
                <span className="visually-hidden">: {t('account.connect.sandboxHint')}</span>
              </span>
            ) : null}
            {chosen ? (
              <span className="connect-card__chosen" data-testid={`connect-chosen-${id}`}>
                {t('account.connect.chosen')}
              </span>
            ) : null}
          </p>
        </div>
        <MainAction status={status} action={actions.main} name={name} linkRef={mainRef} />
      </div>
      {hint ? <p className="connect-card__hint">{hint}</p> : null}
      {status.lastError && status.state !== 'needs_reconnect' && status.state !== 'connected' ? (
        <p className="connect-card__error">{t('account.connect.lastError', { error: status.lastError })}</p>
      ) : null}
      {status.accounts.length > 0 ? <ConnectedAccounts platform={id} accounts={status.accounts} /> : null}
      <Permissions platform={id} scopes={status.scopes} name={name} />
      {actions.syncNow || actions.disconnect ? (
        <CardManage platform={id} name={name} syncNow={actions.syncNow} disconnect={actions.disconnect} onNote={setNote} onSynced={onChanged} onDisconnected={disconnected} />
      ) : null}
      <p className={note?.tone === 'bad' ? 'connect-card__note connect-card__note--bad' : 'connect-card__note'} role="status" data-testid={`connect-note-${id}`}>
        {note?.text ?? ''}
      </p>
    </li>
  );
}

interface MainActionProps {
  status: PlatformStatus;
  action: ReturnType<typeof cardActions>['main'];
  name: string;
  linkRef: Ref<HTMLAnchorElement>;
}

function MainAction({ status, action, name, linkRef }: MainActionProps) {
  const { t } = useTranslation();
  const id = status.platform;
  const testId = `connect-button-${id}`;
  switch (action) {
    case 'connect':
    case 'reconnect':
      // A full-page navigation: the server answers with a redirect to the platform.
      return (
        <a ref={linkRef} className="button button--primary connect-card__button" href={CONNECTION_PATHS.start(id)} data-testid={testId}>
          {t(action === 'connect' ? 'account.connect.connect' : 'account.connect.reconnect', { platform: name })}
        </a>
      );
    case 'choose':
      return (
        <Link className="button button--primary connect-card__button" to={connectPaths.select(id)} data-testid={testId}>
          {t('account.connect.choose', { platform: name })}
        </Link>
      );
    case 'progress':
      return (
        <Link className="button button--secondary connect-card__button" to={connectPaths.progress(id)} data-testid={testId}>
          {t('account.connect.viewProgress')}
        </Link>
      );
    default:
      return null;
  }
}
