import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { subscribeInputSchema } from '../../../../src/capture/intake.schema.js';
import { subscribe, type SubscribeInput } from '../../api/auth';
import { ApiError } from '../../api/client';
import { attributionPayload } from '../../attribution/payload';
import { toSupportedLanguage } from '../../i18n/languages';
import { PasswordStrength } from './PasswordStrength';
import { SsoButtons } from './SsoButtons';
import { TextField } from './TextField';
import { SIGNUP_FIELDS, firstInvalid, mapIssues, mapServerDetails, type ErrorKey, type SignupField } from './field-errors';
import { requestErrorKey, type RequestErrorKey } from './request-errors';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';

type Values = Record<SignupField, string>;
const EMPTY: Values = { full_name: '', email: '', company_name: '', phone: '', password: '' };
const inputId = (field: SignupField) => `signup-${field}`;
const PASSWORD_HINT_ID = 'signup-password-hint';

export interface SignupFormProps {
  /** Ids minted when the form opened: the bot-timing start and the conversion's event id. */
  startedAt: number;
  eventId: string;
  titleId: string;
  onSuccess: (email: string) => void;
  /** Reports whether anything has been typed, so a stray backdrop click cannot lose it. */
  onDirtyChange?: (dirty: boolean) => void;
}

export function SignupForm({ startedAt, eventId, titleId, onSuccess, onDirtyChange }: SignupFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<Values>(EMPTY);
  const [honeypot, setHoneypot] = useState('');
  const [errors, setErrors] = useState<Partial<Record<SignupField, ErrorKey>>>({});
  const [alert, setAlert] = useState<RequestErrorKey | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const alertRef = useRef<HTMLParagraphElement>(null);

  const update = (field: SignupField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => (e[field] === undefined ? e : { ...e, [field]: undefined }));
    onDirtyChange?.(true);
  };

  const fail = (fieldErrors: Partial<Record<SignupField, ErrorKey>>, general: RequestErrorKey | null) => {
    setErrors(fieldErrors);
    setAlert(general);
    // Next frame: the messages are rendered by then, so they are read out with the field.
    const first = firstInvalid(SIGNUP_FIELDS, fieldErrors);
    window.requestAnimationFrame(() => {
      if (first) document.getElementById(inputId(first))?.focus();
      else alertRef.current?.focus();
    });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const body: Record<string, unknown> = {
      ...attributionPayload(),
      full_name: values.full_name,
      // z.email() does not trim, and a pasted address often brings a space along.
      email: values.email.trim(),
      company_name: values.company_name,
      phone: values.phone.trim() === '' ? undefined : values.phone,
      password: values.password,
      source_page: 'landing',
      language: toSupportedLanguage(i18n.resolvedLanguage ?? i18n.language),
      website: honeypot,
      form_started_at: startedAt,
      event_id: eventId,
    };
    let parsed = subscribeInputSchema.safeParse(body);
    if (!parsed.success) {
      const mapped = mapIssues(parsed.error.issues, SIGNUP_FIELDS);
      if (Object.keys(mapped.fields).length > 0) {
        fail(mapped.fields, null);
        return;
      }
      // Only fields the person never sees failed (an odd campaign tag): send without them.
      for (const name of mapped.hidden) if (name !== 'website') delete body[name];
      parsed = subscribeInputSchema.safeParse(body);
      if (!parsed.success) {
        fail({}, 'genericError');
        return;
      }
    }
    const input: SubscribeInput = parsed.data;
    setSubmitting(true);
    setAlert(null);
    try {
      await subscribe(input);
      onSuccess(input.email);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.code === 'VALIDATION_FAILED') {
        const mapped = mapServerDetails(error.details, SIGNUP_FIELDS);
        fail(mapped.fields, Object.keys(mapped.fields).length > 0 ? null : 'genericError');
      } else {
        fail({}, requestErrorKey(error));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const field = (name: SignupField) => {
    const errorKey = errors[name];
    return {
      id: inputId(name),
      name,
      value: values[name],
      error: errorKey ? t(`account.errors.${errorKey}`) : undefined,
      onChange: (e: { target: { value: string } }) => update(name, e.target.value),
    };
  };

  return (
    <div className="signup">
      <header className="signup__header">
        <h2 id={titleId} className="signup__title">
          {t('account.signup.title')}
        </h2>
        <p className="signup__subtitle">{t('account.signup.subtitle')}</p>
      </header>

      <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={titleId} data-testid="signup-form">
        <TextField {...field('full_name')} testId="signup-full-name" label={t('account.signup.fullName')} autoComplete="name" required />
        <TextField
          {...field('email')}
          testId="signup-email"
          label={t('account.signup.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          dir="ltr"
          required
        />
        <TextField
          {...field('company_name')}
          testId="signup-company"
          label={t('account.signup.company')}
          autoComplete="organization"
          required
        />
        <TextField
          {...field('phone')}
          testId="signup-phone"
          label={t('account.signup.phone')}
          labelNote={t('account.signup.optional')}
          type="tel"
          autoComplete="tel"
          dir="ltr"
        />
        <TextField
          {...field('password')}
          testId="signup-password"
          label={t('account.signup.password')}
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          dir="ltr"
          describedBy={PASSWORD_HINT_ID}
          required
          adornment={
            <button
              type="button"
              className="field__toggle"
              aria-pressed={showPassword}
              aria-label={t('account.signup.showPassword')}
              title={t('account.signup.showPassword')}
              data-testid="signup-password-toggle"
              onClick={() => setShowPassword((s) => !s)}
            >
              <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
                <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" />
                <circle cx="12" cy="12" r="3" />
                {showPassword ? null : <path d="M4 4l16 16" />}
              </svg>
            </button>
          }
        >
          <PasswordStrength password={values.password} hintId={PASSWORD_HINT_ID} />
        </TextField>

        {/* Honeypot: invisible to people and assistive tech; bots that fill every field give themselves away. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="signup-website">{t('account.signup.honeypot')}</label>
          <input
            id="signup-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={honeypot}
            onChange={(e) => setHoneypot(e.target.value)}
          />
        </div>

        {alert ? (
          <p ref={alertRef} className="form-alert" role="alert" tabIndex={-1} data-testid="signup-error">
            {t(`account.${alert}`)}
          </p>
        ) : null}

        <button type="submit" className="button button--primary form__submit" data-testid="signup-submit" aria-disabled={submitting || undefined}>
          {submitting ? t('account.signup.submitting') : t('account.signup.submit')}
        </button>
      </form>

      <SsoButtons intent="signup" companyName={values.company_name} />

      <p className="signup__footer">
        {t('account.signup.haveAccount')} <Link to="/login" data-testid="signup-sign-in">{t('account.signup.signIn')}</Link>
      </p>
    </div>
  );
}
