import { useEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newEventId } from '../../attribution/random';
import { SignupForm } from './SignupForm';
import { SignupSuccess } from './SignupSuccess';
import '../../i18n/account';
import '../../styles/account.css';

const FORM_TITLE_ID = 'signup-title';
const SUCCESS_TITLE_ID = 'signup-success-title';

/**
 * The "Start Free Trial" dialog: the signup form, then the check-your-inbox screen in its
 * place. A native modal <dialog> keeps focus inside and closes on Escape. Mounted when
 * opened; `onClose` unmounts it.
 */
export function SignupDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  // When the form opened (the server's bot timing) and the id the conversion is reported under.
  const [opened] = useState(() => ({ at: Date.now(), eventId: newEventId() }));
  const [sentTo, setSentTo] = useState<string | null>(null);
  const dirty = useRef(false);
  const pressedOnBackdrop = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLInputElement>('#signup-full_name')?.focus();
  }, []);

  // Backdrop clicks close it only while nothing has been typed (or once signed up), and only
  // when the press started there too: a text selection dragged outside is not a click away.
  const onPointerDown = (event: PointerEvent<HTMLDialogElement>) => {
    pressedOnBackdrop.current = event.target === event.currentTarget;
  };
  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target !== event.currentTarget || !pressedOnBackdrop.current) return;
    if (!dirty.current || sentTo !== null) event.currentTarget.close();
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog--signup"
      aria-labelledby={sentTo === null ? FORM_TITLE_ID : SUCCESS_TITLE_ID}
      data-testid="signup-dialog"
      onClose={onClose}
      onPointerDown={onPointerDown}
      onClick={onClick}
    >
      <button type="button" className="dialog__close" aria-label={t('account.close')} title={t('account.close')} data-testid="signup-close" onClick={() => ref.current?.close()}>
        <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6 6 18" />
        </svg>
      </button>
      <div className="dialog__body">
        {sentTo === null ? (
          <SignupForm
            startedAt={opened.at}
            eventId={opened.eventId}
            titleId={FORM_TITLE_ID}
            onSuccess={setSentTo}
            onDirtyChange={(d) => {
              dirty.current = d;
            }}
          />
        ) : (
          <SignupSuccess email={sentTo} titleId={SUCCESS_TITLE_ID} headingLevel={2} focusHeading />
        )}
      </div>
    </dialog>
  );
}
