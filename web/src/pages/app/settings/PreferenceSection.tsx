import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalsAnswers } from '../../../api/onboarding';
import { bidiIsolate } from '../../onboarding/options';
import { AnswerStep } from '../../onboarding/steps';
import type { DraftKey, Drafts, EditDraft, FieldErrors } from '../../onboarding/wizard';
import { statusMessage, type SectionStatus } from './preferences';

interface PreferenceSectionProps {
  answer: DraftKey;
  drafts: Drafts;
  errors: FieldErrors;
  onEdit: EditDraft;
  onSave: () => void;
  status: SectionStatus | undefined;
  /** The form differs from what is saved. */
  unsaved: boolean;
  /** A viewer's: every control disabled, nothing to save. */
  readOnly: boolean;
  /** The saved goals (the status after saving them names the workspace's new currency). */
  goals: GoalsAnswers | undefined;
}

/** One answer of the wizard as a card: its fields, a live status line, and its own Save. */
export function PreferenceSection({ answer, drafts, errors, onEdit, onSave, status, unsaved, readOnly, goals }: PreferenceSectionProps) {
  const { t } = useTranslation();
  const titleId = `settings-${answer}-title`;
  const title = t(`account.settings.sections.${answer}.title`);
  const saving = status?.kind === 'saving';
  const message = statusMessage(answer, status, goals);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSave();
  };

  let text: string | undefined;
  if (message?.key === 'savedGoals') {
    text = t('account.settings.status.savedGoals', { currency: bidiIsolate(message.currency), timezone: bidiIsolate(message.timezone) });
  } else if (message?.key === 'failed') {
    text = t('account.settings.status.failed', { reason: t(`account.${message.reason}`) });
  } else if (message) {
    text = t(`account.settings.status.${message.key}`);
  }
  const tone = message?.key === 'saved' || message?.key === 'savedGoals' ? 'ok' : message ? 'bad' : 'none';

  return (
    <section className="settings-section" aria-labelledby={titleId} data-testid={`settings-${answer}`}>
      <div className="settings-section__head">
        <h3 id={titleId} className="settings-section__title">
          {title}
        </h3>
        <p className="settings-section__description">{t(`account.settings.sections.${answer}.description`)}</p>
      </div>
      <form className="settings-section__form" noValidate aria-labelledby={titleId} onSubmit={submit}>
        {/* A disabled fieldset disables every control inside it, whatever the step renders. */}
        <fieldset className="settings-section__fields" disabled={readOnly}>
          <AnswerStep answer={answer} drafts={drafts} errors={errors} onEdit={onEdit} />
        </fieldset>
        <div className="settings-section__footer">
          <div className="settings-section__message">
            {/* Always in the page, so screen readers hear each new status. */}
            <p
              className={`settings-section__status settings-section__status--${tone}`}
              role="status"
              data-testid={`settings-${answer}-status`}
              data-status={status?.kind ?? ''}
            >
              {text}
            </p>
            {!text && unsaved && !saving ? (
              <p className="settings-section__unsaved" data-testid={`settings-${answer}-unsaved`}>
                {t('account.settings.unsaved')}
              </p>
            ) : null}
          </div>
          <button
            type="submit"
            className="button button--primary settings-section__save"
            disabled={readOnly}
            aria-disabled={saving || undefined}
            aria-label={saving ? undefined : t('account.settings.saveSection', { section: title })}
            data-testid={`settings-${answer}-save`}
          >
            {saving ? t('account.settings.saving') : t('account.settings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
