import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { passwordSchema } from '../../../../src/accounts/password-policy.js';
import { confirmPasswordReset } from '../../api/auth';
import { ApiError } from '../../api/client';
import { AccountLayout } from './AccountLayout';
import { PasswordStrength } from './PasswordStrength';
import { TextField } from './TextField';
import { requestErrorKey, type RequestErrorKey } from './request-errors';
import { useQueryParam } from './use-query-param';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';

type LinkProblem = 'expired' | 'used' | 'unknown';

/** The page behind the emailed reset link: a new password, then straight into the app. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = useQueryParam('token');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [problem, setProblem] = useState<LinkProblem | RequestErrorKey | null>(token ? null : 'unknown');
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!passwordSchema.safeParse(password).success) return setTooShort(true);
    setSaving(true);
    try {
      await confirmPasswordReset(token, password);
      await navigate('/onboarding');
    } catch (error) {
      const reason = error instanceof ApiError ? (error.details as { reason?: string } | null)?.reason : undefined;
      setProblem(reason === 'expired' || reason === 'used' || reason === 'unknown' ? reason : requestErrorKey(error));
    } finally {
      setSaving(false);
    }
  };

  const linkProblem = problem === 'expired' || problem === 'used' || problem === 'unknown';
  return (
    <AccountLayout title={t('account.pageTitles.resetPassword')} testId="reset-password">
      <h1 id="reset-title">{t('account.reset.title')}</h1>
      {problem ? (
        <div role="alert" className="form-alert" data-testid="reset-error" data-problem={problem}>
          <p className="form-alert__title">{linkProblem ? t(`account.reset.${problem}`) : t(`account.${problem}`)}</p>
          {linkProblem ? <Link to="/forgot-password">{t('account.reset.requestNew')}</Link> : null}
        </div>
      ) : null}
      {linkProblem ? null : (
        <form className="form" noValidate aria-labelledby="reset-title" onSubmit={(e) => void submit(e)}>
          <TextField
            id="reset-password-input"
            testId="reset-password-input"
            label={t('account.reset.password')}
            type="password"
            autoComplete="new-password"
            dir="ltr"
            required
            describedBy="reset-password-strength"
            value={password}
            error={tooShort ? t('account.errors.passwordTooShort') : undefined}
            onChange={(e) => {
              setPassword(e.target.value);
              setTooShort(false);
            }}
          >
            <PasswordStrength password={password} hintId="reset-password-strength" />
          </TextField>
          <button type="submit" className="button button--primary form__submit" data-testid="reset-submit" aria-disabled={saving || undefined}>
            {saving ? t('account.reset.submitting') : t('account.reset.submit')}
          </button>
        </form>
      )}
    </AccountLayout>
  );
}
