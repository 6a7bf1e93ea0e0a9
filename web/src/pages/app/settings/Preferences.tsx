import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MeUser } from '../../../api/auth';
import { ApiError } from '../../../api/client';
import { saveOnboardingStep, type OnboardingState } from '../../../api/onboarding';
import { requestErrorKey } from '../../account/request-errors';
import { fieldId } from '../../onboarding/fields';
import { validateStep } from '../../onboarding/validate';
import {
  STEP_FIELDS,
  STEP_OF_DRAFT,
  firstInvalidField,
  mapStepServerDetails,
  seedDrafts,
  withoutFieldErrors,
  type DraftKey,
  type Drafts,
  type EditDraft,
  type FieldErrors,
} from '../../onboarding/wizard';
import { PreferenceSection } from './PreferenceSection';
import { SECTIONS, isUnsaved, type SectionStatus } from './preferences';

const HEADING_ID = 'settings-preferences';

/**
 * The wizard's four answers, each in its own section with its own Save: the same step
 * components, drafts, checks and `PUT /api/v1/onboarding/steps/:step` as the wizard.
 */
export function Preferences({ user, loaded }: { user: MeUser; loaded: OnboardingState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [saved, setSaved] = useState(loaded);
  const [drafts, setDrafts] = useState<Drafts>(() => seedDrafts(loaded));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [statuses, setStatuses] = useState<Partial<Record<DraftKey, SectionStatus>>>({});
  const [viewOnly, setViewOnly] = useState(user.role === 'viewer');
  // Edits per section since load, so an answer arriving after more typing does not undo it.
  const edits = useRef<Record<DraftKey, number>>({ business: 0, platforms: 0, goals: 0, automation: 0 });
  const inFlight = useRef(new Set<DraftKey>());

  const setStatus = (key: DraftKey, status: SectionStatus | undefined) => setStatuses((s) => ({ ...s, [key]: status }));

  const edit: EditDraft = (key, patch, fields) => {
    edits.current[key] += 1;
    setDrafts((d) => ({ ...d, [key]: { ...d[key], ...patch } }));
    setErrors((e) => withoutFieldErrors(e, fields));
    // "Saved" or "Not saved" no longer describes what the form shows.
    setStatuses((s) => (s[key] && s[key].kind !== 'saving' ? { ...s, [key]: undefined } : s));
  };

  const showFieldErrors = (key: DraftKey, fieldErrors: FieldErrors) => {
    const step = STEP_OF_DRAFT[key];
    setErrors((e) => ({ ...withoutFieldErrors(e, STEP_FIELDS[step]), ...fieldErrors }));
    setStatus(key, { kind: 'invalid' });
    const first = firstInvalidField(step, fieldErrors);
    // Next frame: the messages are rendered by then, so they are read out with the field.
    window.requestAnimationFrame(() => {
      if (first) document.getElementById(fieldId(first))?.focus();
    });
  };

  const save = async (key: DraftKey) => {
    if (viewOnly || inFlight.current.has(key)) return;
    const step = STEP_OF_DRAFT[key];
    const checked = validateStep(step, drafts);
    if (!checked.ok) {
      if (firstInvalidField(step, checked.errors)) showFieldErrors(key, checked.errors);
      else setStatus(key, { kind: 'failed', problem: 'genericError' });
      return;
    }
    const editsAtSend = edits.current[key];
    inFlight.current.add(key);
    setErrors((e) => withoutFieldErrors(e, STEP_FIELDS[step]));
    setStatus(key, { kind: 'saving' });
    try {
      const next = await saveOnboardingStep(step, checked.body);
      setSaved(next);
      // As the server stored it ("3.50" shows as 3.5); other sections keep their edits.
      if (edits.current[key] === editsAtSend) setDrafts((d) => ({ ...d, [key]: seedDrafts(next)[key] }));
      setStatus(key, { kind: 'saved' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        await navigate('/login');
        return;
      }
      if (error instanceof ApiError && error.status === 403) {
        setViewOnly(true);
        setStatus(key, { kind: 'forbidden' });
        return;
      }
      const mapped = error instanceof ApiError && error.status === 400 ? mapStepServerDetails(step, error.details) : {};
      if (firstInvalidField(step, mapped)) showFieldErrors(key, mapped);
      else setStatus(key, { kind: 'failed', problem: requestErrorKey(error) });
    } finally {
      inFlight.current.delete(key);
    }
  };

  return (
    <section className="settings-group" aria-labelledby={HEADING_ID} data-testid="settings-preferences">
      <div className="settings-group__head">
        <h2 id={HEADING_ID} className="settings-group__title">
          {t('account.settings.preferences')}
        </h2>
        <p className="settings-group__intro">{t('account.settings.preferencesIntro')}</p>
      </div>
      {viewOnly ? (
        <div className="form-alert form-alert--warn settings__view-only" data-testid="settings-view-only">
          <p>{t('account.settings.viewOnly')}</p>
          <p>{t('account.settings.viewOnlyBody')}</p>
        </div>
      ) : null}
      {SECTIONS.map((key) => (
        <PreferenceSection
          key={key}
          answer={key}
          drafts={drafts}
          errors={errors}
          onEdit={edit}
          onSave={() => void save(key)}
          status={statuses[key]}
          unsaved={isUnsaved(key, drafts, saved)}
          readOnly={viewOnly}
          goals={saved.answers.goals}
        />
      ))}
    </section>
  );
}
