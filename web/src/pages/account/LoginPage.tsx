import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { logIn } from '../../api/auth';
import { ApiError } from '../../api/client';
import { AccountLayout } from './AccountLayout';
import { ResendVerification } from './ResendVerification';
import { SsoButtons } from './SsoButtons';
import { TextField } from './TextField';
import { LOGIN_FIELDS, firstInvalid, mapServerDetails, type ErrorKey, type LoginField } from './field-errors';
import { looksLikeEmail, requestErrorKey } from './request-errors';
import { useQueryParam } from './use-query-param';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';

type Problem = 'invalidCredentials' | 'notVerified' | 'rateLimited' | 'networkError' | 'genericError';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const emailParam = useQueryParam('email');
  const [email, setEmail] = useState(emailParam);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<LoginField, ErrorKey>>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  // The address the "verify first" answer was for; resending goes there.
  const [unverifiedEmail, setUnverifiedEmail] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const focusField = (field: LoginField | undefined) => {
    // After React has rendered the message, so it is read with the field.
    window.requestAnimationFrame(() => (field === 'password' ? passwordRef : emailRef).current?.focus());
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const local: Partial<Record<LoginField, ErrorKey>> = {};
    if (!looksLikeEmail(email)) local.email = 'emailInvalid';
    if (password === '') local.password = 'passwordRequired';
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setProblem(null);
      focusField(firstInvalid(LOGIN_FIELDS, local));
      return;
    }
    setSubmitting(true);
    setProblem(null);
    try {
      await logIn(email.trim(), password);
      await navigate('/onboarding');
      return;
    } catch (error) {
      let next: Problem = requestErrorKey(error);
      if (error instanceof ApiError) {
        if (error.code === 'INVALID_CREDENTIALS' || error.status === 401) next = 'invalidCredentials';
        else if (error.code === 'EMAIL_NOT_VERIFIED') next = 'notVerified';
        else if (error.status === 400) {
          const mapped = mapServerDetails(error.details, LOGIN_FIELDS);
          if (Object.keys(mapped.fields).length > 0) {
            setErrors(mapped.fields);
            focusField(firstInvalid(LOGIN_FIELDS, mapped.fields));
            return;
          }
        }
      }
      if (next === 'notVerified') setUnverifiedEmail(email.trim());
      setProblem(next);
      window.requestAnimationFrame(() => alertRef.current?.focus());
    } finally {
      setSubmitting(false);
    }
  };

  const problemText = (p: Problem) =>
    p === 'invalidCredentials' || p === 'notVerified' ? t(`account.login.${p}`) : t(`account.${p}`);

  return (
    <AccountLayout title={t('account.pageTitles.login')} testId="login-page">
      <h1 id="login-title">{t('account.login.title')}</h1>
      {/* Above the form, so "verify first" and its resend button sit together. */}
      {problem ? (
        <div
          ref={alertRef}
          className={problem === 'notVerified' ? 'form-alert form-alert--warn' : 'form-alert'}
          role="alert"
          tabIndex={-1}
          data-testid="login-error"
          data-problem={problem}
        >
          <p className="form-alert__title">{problemText(problem)}</p>
          {problem === 'notVerified' ? <p>{t('account.login.notVerifiedBody')}</p> : null}
        </div>
      ) : null}
      {problem === 'notVerified' ? <ResendVerification email={unverifiedEmail} /> : null}
      <form className="form" noValidate aria-labelledby="login-title" data-testid="login-form" onSubmit={(e) => void submit(e)}>
        <TextField
          id="login-email"
          testId="login-email"
          label={t('account.login.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          dir="ltr"
          required
          inputRef={emailRef}
          value={email}
          error={errors.email ? t(`account.errors.${errors.email}`) : undefined}
          onChange={(e) => {
            setEmail(e.target.value);
            setErrors((prev) => ({ ...prev, email: undefined }));
          }}
        />
        <TextField
          id="login-password"
          testId="login-password"
          label={t('account.login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          dir="ltr"
          required
          inputRef={passwordRef}
          value={password}
          error={errors.password ? t(`account.errors.${errors.password}`) : undefined}
          onChange={(e) => {
            setPassword(e.target.value);
            setErrors((prev) => ({ ...prev, password: undefined }));
          }}
        />
        <p className="form__aside">
          <Link to="/forgot-password" data-testid="login-forgot">{t('account.login.forgot')}</Link>
        </p>
        <button type="submit" className="button button--primary form__submit" data-testid="login-submit" aria-disabled={submitting || undefined}>
          {submitting ? t('account.login.submitting') : t('account.login.submit')}
        </button>
      </form>
      <SsoButtons intent="signin" />
      <p className="account-card__footer">
        {t('account.login.noAccount')} <Link to="/?signup=1" data-testid="login-start-trial">{t('account.login.startTrial')}</Link>
      </p>
    </AccountLayout>
  );
}
