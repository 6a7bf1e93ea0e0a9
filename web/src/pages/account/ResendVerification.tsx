import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { resendVerification } from '../../api/auth';
import { ApiError } from '../../api/client';
import { TextField } from './TextField';
import { formatCountdown, looksLikeEmail, requestErrorKey, type RequestErrorKey } from './request-errors';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';

/** After a send, the button rests this long: mail takes a moment, and impatience resends. */
export const RESEND_COOLDOWN_SECONDS = 30;

function useCountdown(): [number, (seconds: number) => void] {
  const [remaining, setRemaining] = useState(0);
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = window.setTimeout(() => setRemaining((r) => r - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [remaining]);
  return [remaining, setRemaining];
}

type Phase = 'idle' | 'sending' | 'sent' | 'failed';

/**
 * "Resend Email": POSTs resend-verification, then says "Sent again" and rests for 30 s.
 * With `editable`, the address is an input (prefilled when known); otherwise it is fixed.
 * Test ids: resend-email (button), resend-email-input, resend-status, resend-error.
 */
export function ResendVerification({
  email: knownEmail = '',
  editable = false,
  primary = false,
}: {
  email?: string;
  editable?: boolean;
  /** The screen's main action: a full-width primary button. */
  primary?: boolean;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [email, setEmail] = useState(knownEmail);
  const [phase, setPhase] = useState<Phase>('idle');
  const [failure, setFailure] = useState<RequestErrorKey | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [cooldown, startCooldown] = useCountdown();
  const busy = phase === 'sending' || cooldown > 0;

  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!looksLikeEmail(email)) {
      setInvalid(true);
      if (editable) document.getElementById(inputId)?.focus();
      else setFailure('genericError');
      return;
    }
    setInvalid(false);
    setFailure(null);
    setPhase('sending');
    try {
      await resendVerification(email.trim());
      setPhase('sent');
      startCooldown(RESEND_COOLDOWN_SECONDS);
    } catch (error) {
      setPhase('failed');
      setFailure(requestErrorKey(error));
      if (error instanceof ApiError && error.status === 429) startCooldown(RESEND_COOLDOWN_SECONDS);
    }
  };

  let label: string = t('account.resend.button');
  if (phase === 'sending') label = t('account.resend.sending');
  else if (cooldown > 0) label = t('account.resend.cooldown', { time: formatCountdown(cooldown) });

  return (
    <form className="resend" noValidate onSubmit={(e) => void send(e)}>
      {editable ? (
        <TextField
          id={inputId}
          testId="resend-email-input"
          label={t('account.resend.emailLabel')}
          type="email"
          name="email"
          autoComplete="email"
          dir="ltr"
          value={email}
          error={invalid ? t('account.errors.emailInvalid') : undefined}
          onChange={(e) => {
            setEmail(e.target.value);
            setInvalid(false);
          }}
        />
      ) : null}
      <button
        type="submit"
        className={primary ? 'button button--primary resend__button resend__button--wide' : 'button button--secondary resend__button'}
        data-testid="resend-email"
        // aria-disabled keeps the focus on the button while it rests, unlike `disabled`.
        aria-disabled={busy || undefined}
        data-cooldown={cooldown}
      >
        {label}
      </button>
      <p className="resend__status" role="status" data-testid="resend-status">
        {phase === 'sent' ? t('account.resend.sent') : ''}
      </p>
      {failure ? (
        <p className="form-alert" role="alert" data-testid="resend-error">
          {t(failure === 'genericError' ? 'account.resend.failed' : `account.${failure}`)}
        </p>
      ) : null}
    </form>
  );
}
