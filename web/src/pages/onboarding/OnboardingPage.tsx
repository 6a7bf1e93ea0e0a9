import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, redirect, useLoaderData, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { fetchMe, logOut } from '../../api/auth';
import { ApiError } from '../../api/client';
import { completeOnboarding, fetchOnboarding, saveOnboardingStep, type OnboardingState, type StepNumber } from '../../api/onboarding';
import { AccountLayout } from '../account/AccountLayout';
import { requestErrorKey, type RequestErrorKey } from '../account/request-errors';
import { BackArrow, ForwardArrow, fieldId } from './fields';
import { bidiIsolate } from './options';
import { AnswerStep, WelcomeStep } from './steps';
import { validateStep } from './validate';
import { WizardProgress } from './WizardProgress';
import {
  DRAFT_OF_STEP,
  STEP_NAMES,
  TOTAL_STEPS,
  firstInvalidField,
  firstMissingStep,
  mapStepServerDetails,
  refreshUntouched,
  resumeStep,
  seedDrafts,
  withoutFieldErrors,
  type DraftKey,
  type Drafts,
  type EditDraft,
  type FieldErrors,
} from './wizard';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';
import '../../styles/onboarding.css';

/** Signed in (with the saved wizard) or off to /login; any other failure is the route's error screen. */
export async function onboardingLoader({ request }: LoaderFunctionArgs) {
  try {
    const [me, state] = await Promise.all([fetchMe(request.signal), fetchOnboarding(request.signal)]);
    return { user: me.user, state };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw redirect('/login');
    throw error;
  }
}

type Problem = RequestErrorKey | 'incomplete';
type Busy = 'saving' | 'finishing' | 'signingOut';

const HEADING_ID = 'onboarding-heading';

/** Stage 5: the five-step setup wizard. Each Continue validates, saves the step, and moves on. */
export function OnboardingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, state: loaded } = useLoaderData<typeof onboardingLoader>();
  const [state, setState] = useState<OnboardingState>(loaded);
  const [step, setStep] = useState<StepNumber>(() => resumeStep(loaded));
  const [drafts, setDrafts] = useState<Drafts>(() => seedDrafts(loaded));
  // Drafts the person has edited here: these no longer follow the server's suggestions.
  const [touched, setTouched] = useState<ReadonlySet<DraftKey>>(() => new Set());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [viewOnly, setViewOnly] = useState(user.role === 'viewer');
  const [busy, setBusy] = useState<Busy | null>(null);
  const [signOutFailure, setSignOutFailure] = useState<RequestErrorKey | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const forbiddenRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  // A new step is announced by moving the focus to its heading (not on the first render).
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    headingRef.current?.focus();
  }, [step]);

  const goTo = (next: StepNumber) => {
    setErrors({});
    if (next !== step) moved.current = true;
    setStep(next);
  };

  const edit: EditDraft = (key, patch, fields) => {
    setDrafts((d) => ({ ...d, [key]: { ...d[key], ...patch } }));
    setTouched((s) => (s.has(key) ? s : new Set(s).add(key)));
    setErrors((e) => withoutFieldErrors(e, fields));
  };

  const showFieldErrors = (fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    const first = firstInvalidField(step, fieldErrors);
    // Next frame: the messages are rendered by then, so they are read out with the field.
    window.requestAnimationFrame(() => {
      if (first) document.getElementById(fieldId(first))?.focus();
    });
  };

  const showProblem = (next: Problem) => {
    setProblem(next);
    window.requestAnimationFrame(() => alertRef.current?.focus());
  };

  const fail = async (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.status === 401) {
        await navigate('/login');
        return;
      }
      if (error.status === 403) {
        setViewOnly(true);
        window.requestAnimationFrame(() => forbiddenRef.current?.focus());
        return;
      }
      if (error.status === 400) {
        const mapped = mapStepServerDetails(step, error.details);
        if (firstInvalidField(step, mapped)) {
          showFieldErrors(mapped);
          return;
        }
      }
      if (error.status === 409) {
        const missing = firstMissingStep(error.details);
        if (missing !== undefined) {
          goTo(missing);
          setProblem('incomplete');
          return;
        }
      }
    }
    showProblem(requestErrorKey(error));
  };

  const advance = async () => {
    if (busy) return;
    const checked = validateStep(step, drafts);
    if (!checked.ok) {
      if (firstInvalidField(step, checked.errors)) showFieldErrors(checked.errors);
      else showProblem('genericError');
      return;
    }
    setBusy(step === TOTAL_STEPS ? 'finishing' : 'saving');
    setProblem(null);
    try {
      const saved = await saveOnboardingStep(step, checked.body);
      setState(saved);
      // What was just saved is the server's answer now; untouched steps follow its defaults
      // (a new market in step 2 suggests another currency and time zone for step 4).
      const stillTouched = new Set(touched);
      if (step !== 1) stillTouched.delete(DRAFT_OF_STEP[step]);
      setTouched(stillTouched);
      setDrafts((d) => refreshUntouched(d, stillTouched, saved));
      if (step === TOTAL_STEPS) {
        setState(await completeOnboarding());
        await navigate('/connect');
        return;
      }
      goTo((step + 1) as StepNumber);
    } catch (error) {
      await fail(error);
    } finally {
      setBusy((b) => (b === 'signingOut' ? b : null));
    }
  };

  const back = () => {
    if (busy || step === 1) return;
    setProblem(null);
    goTo((step - 1) as StepNumber);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void advance();
  };

  const signOut = async () => {
    if (busy) return;
    setBusy('signingOut');
    setSignOutFailure(null);
    try {
      await logOut();
      await navigate('/');
    } catch (error) {
      setSignOutFailure(requestErrorKey(error));
      setBusy(null);
    }
  };

  const isDone = (n: StepNumber) => {
    if (n === 1) return state.current_step > 1 || state.completed;
    return state.answers[DRAFT_OF_STEP[n]] !== undefined;
  };

  const stepName = t(`account.onboarding.steps.${STEP_NAMES[step]}`);
  const name = bidiIsolate(user.first_name || user.full_name || user.email);
  const heading = step === 1 ? t('account.onboarding.welcome.title', { name }) : t(`account.onboarding.${DRAFT_OF_STEP[step]}.title`);
  const continueLabel =
    busy === 'saving'
      ? t('account.onboarding.saving')
      : busy === 'finishing'
        ? t('account.onboarding.finishing')
        : step === 1
          ? t('account.onboarding.start')
          : step === TOTAL_STEPS
            ? t('account.onboarding.finish')
            : t('account.onboarding.continue');

  return (
    <AccountLayout title={t('account.onboarding.documentTitle', { step, total: TOTAL_STEPS, name: stepName })} testId="onboarding" wide>
      <WizardProgress step={step} isDone={isDone} />
      {state.completed ? (
        <p className="wizard-notice" data-testid="onboarding-completed">
          {t('account.onboarding.alerts.completed')} <Link to="/connect">{t('account.onboarding.alerts.completedLink')}</Link>
        </p>
      ) : null}
      {viewOnly ? (
        <div ref={forbiddenRef} className="form-alert form-alert--warn" role="alert" tabIndex={-1} data-testid="onboarding-forbidden">
          <p>{t('account.onboarding.alerts.forbidden')}</p>
          <p>{t('account.onboarding.alerts.forbiddenBody')}</p>
        </div>
      ) : null}
      {problem ? (
        <div ref={alertRef} className="form-alert wizard-alert" role="alert" tabIndex={-1} data-testid="onboarding-error" data-problem={problem}>
          <p>{problem === 'incomplete' ? t('account.onboarding.alerts.incomplete') : t(`account.${problem}`)}</p>
          {problem === 'networkError' || problem === 'genericError' || problem === 'rateLimited' ? (
            <button type="button" className="button button--secondary wizard-alert__retry" data-testid="onboarding-retry" onClick={() => void advance()}>
              {t('account.onboarding.alerts.retry')}
            </button>
          ) : null}
        </div>
      ) : null}
      <form className="wizard-form" noValidate aria-labelledby={HEADING_ID} onSubmit={submit}>
        <section className="wizard-step" data-testid={`onboarding-step-${String(step)}`}>
          <h1
            id={HEADING_ID}
            ref={headingRef}
            tabIndex={-1}
            className="wizard-step__title"
            data-testid={step === 1 ? 'onboarding-welcome' : 'onboarding-step-title'}
          >
            {heading}
          </h1>
          <div className="wizard-step__body">
            {step === 1 ? <WelcomeStep /> : null}
            {step === 1 ? null : (
              <AnswerStep
                answer={DRAFT_OF_STEP[step]}
                drafts={drafts}
                errors={errors}
                onEdit={edit}
                suggestions={{ market: state.answers.business?.primary_market }}
              />
            )}
          </div>
        </section>
        <div className="wizard-actions">
          {step > 1 ? (
            <button type="button" className="button button--ghost wizard-actions__back" data-testid="onboarding-back" aria-disabled={busy ? true : undefined} onClick={back}>
              <BackArrow />
              {t('account.onboarding.back')}
            </button>
          ) : null}
          <button type="submit" className="button button--primary wizard-actions__continue" data-testid="onboarding-continue" aria-disabled={busy ? true : undefined}>
            {continueLabel}
            <ForwardArrow />
          </button>
        </div>
      </form>
      {signOutFailure ? (
        <p className="form-alert wizard-footer__alert" role="alert" data-testid="sign-out-error">
          {t(`account.${signOutFailure}`)}
        </p>
      ) : null}
      <div className="wizard-footer">
        <p className="wizard-footer__workspace" data-testid="onboarding-workspace">
          {t('account.onboarding.workspace', { name: bidiIsolate(user.workspace.name) })}
        </p>
        <button type="button" className="link-button" data-testid="sign-out" aria-disabled={busy === 'signingOut' || undefined} onClick={() => void signOut()}>
          {busy === 'signingOut' ? t('account.onboarding.signingOut') : t('account.onboarding.signOut')}
        </button>
      </div>
    </AccountLayout>
  );
}
