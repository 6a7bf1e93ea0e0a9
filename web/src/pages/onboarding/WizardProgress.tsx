import { useTranslation } from 'react-i18next';
import type { StepNumber } from '../../api/onboarding';
import { STEPS, STEP_NAMES, TOTAL_STEPS } from './wizard';

interface WizardProgressProps {
  step: StepNumber;
  isDone: (step: StepNumber) => boolean;
}

/**
 * "Step N of 5" over the five step names. A list in reading order, so it runs right to left
 * in Arabic on its own; the connecting lines use logical insets and mirror with it.
 */
export function WizardProgress({ step, isDone }: WizardProgressProps) {
  const { t } = useTranslation();
  return (
    <div className="wizard-progress" data-testid="onboarding-progress" data-step={step}>
      <p className="wizard-progress__count" data-testid="onboarding-progress-count">
        {t('account.onboarding.stepCount', { step, total: TOTAL_STEPS })}
        {/* On narrow screens the names under the dots are hidden; the current one shows here. */}
        <span className="wizard-progress__current" aria-hidden="true">
          {' · '}
          {t(`account.onboarding.steps.${STEP_NAMES[step]}`)}
        </span>
      </p>
      <ol className="wizard-progress__steps" aria-label={t('account.onboarding.progressLabel')}>
        {STEPS.map((n) => {
          const current = n === step;
          const done = !current && isDone(n);
          const state = current ? 'current' : done ? 'done' : 'upcoming';
          return (
            <li
              key={n}
              // "reached": the line leading to this dot is drawn in the progress colour.
              className={`wizard-progress__step wizard-progress__step--${state}${n <= step || done ? ' wizard-progress__step--reached' : ''}`}
              aria-current={current ? 'step' : undefined}
              data-state={state}
            >
              <span className="wizard-progress__dot" aria-hidden="true">
                {done ? (
                  <svg viewBox="0 0 16 16" width="14" height="14" focusable="false">
                    <path d="m3.5 8.5 3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
                  </svg>
                ) : (
                  n
                )}
              </span>
              <span className="wizard-progress__name">
                {t(`account.onboarding.steps.${STEP_NAMES[n]}`)}
                {done ? <span className="visually-hidden"> {t('account.onboarding.stepDone')}</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
