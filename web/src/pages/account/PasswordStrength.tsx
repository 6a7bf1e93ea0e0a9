import { useTranslation } from 'react-i18next';
import { passwordStrength } from '../../../../src/accounts/password-policy.js';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';

const SEGMENTS = [1, 2, 3, 4] as const;

/**
 * Four bars, the length hint and a word, from the same rule the server uses. `data-score`
 * is 0–4. The hint carries `hintId` so the input can point at it.
 */
export function PasswordStrength({ password, hintId }: { password: string; hintId: string }) {
  const { t } = useTranslation();
  const score = passwordStrength(password);
  return (
    <div className="strength" data-testid="password-strength" data-score={score}>
      <div className="strength__bars" aria-hidden="true">
        {SEGMENTS.map((n) => (
          <span key={n} className={n <= score ? `strength__bar strength__bar--${String(score)}` : 'strength__bar'} />
        ))}
      </div>
      <div className="strength__row">
        <p id={hintId} className="field__hint">
          {t('account.signup.passwordHint')}
        </p>
        {/* Polite: announced when the level changes, not on every keystroke. */}
        <p className={`strength__label strength__label--${String(score)}`} aria-live="polite" data-testid="password-strength-label">
          {password === '' ? null : (
            <>
              <span className="visually-hidden">{t('account.signup.strength.label')}: </span>
              {t(`account.signup.strength.${score}`)}
            </>
          )}
        </p>
      </div>
    </div>
  );
}
