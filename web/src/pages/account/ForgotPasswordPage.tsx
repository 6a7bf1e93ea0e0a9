import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestPasswordReset } from '../../api/auth';
import { AccountLayout } from './AccountLayout';
import { TextField } from './TextField';
import { looksLikeEmail, requestErrorKey, type RequestErrorKey } from './request-errors';
import { useQueryParam } from './use-query-param';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState(useQueryParam('email'));
  const [invalid, setInvalid] = useState(false);
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | RequestErrorKey>('idle');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!looksLikeEmail(email)) return setInvalid(true);
    setState('sending');
    try {
      await requestPasswordReset(email.trim());
      setState('sent');
    } catch (error) {
      setState(requestErrorKey(error));
    }
  };

  return (
    <AccountLayout title={t('account.pageTitles.forgotPassword')} testId="forgot-password">
      <h1 id="forgot-title">{t('account.forgot.title')}</h1>
      {state === 'sent' ? (
        <p role="status" className="form-alert form-alert--ok" data-testid="forgot-sent">{t('account.forgot.sent')}</p>
      ) : (
        <>
          <p>{t('account.forgot.body')}</p>
          {state !== 'idle' && state !== 'sending' ? (
            <p role="alert" className="form-alert" data-testid="forgot-error">{t(`account.${state}`)}</p>
          ) : null}
          <form className="form" noValidate aria-labelledby="forgot-title" onSubmit={(e) => void submit(e)}>
            <TextField
              id="forgot-email"
              testId="forgot-email"
              label={t('account.forgot.email')}
              type="email"
              autoComplete="username"
              inputMode="email"
              dir="ltr"
              required
              value={email}
              error={invalid ? t('account.errors.emailInvalid') : undefined}
              onChange={(e) => {
                setEmail(e.target.value);
                setInvalid(false);
              }}
            />
            <button type="submit" className="button button--primary form__submit" data-testid="forgot-submit" aria-disabled={state === 'sending' || undefined}>
              {state === 'sending' ? t('account.forgot.submitting') : t('account.forgot.submit')}
            </button>
          </form>
        </>
      )}
      <Link to="/login" className="button button--secondary">{t('account.forgot.back')}</Link>
    </AccountLayout>
  );
}
