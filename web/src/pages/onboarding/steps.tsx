import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getCountries } from 'libphonenumber-js';
// At runtime, in this lazily loaded chunk only: the same lists and schemas the server checks.
import { automationLevels, industries, monthlyAdSpends, primaryKpis, teamSizes } from '../../../../src/onboarding/steps.schema.js';
import type { AdPlatform } from '../../api/onboarding';
import { toSupportedLanguage } from '../../i18n/languages';
import { TextField } from '../account/TextField';
import { ChoiceGroup, SelectField, fieldId } from './fields';
import {
  PLATFORMS,
  countryOptions,
  currencyOptions,
  formatPercent,
  kpiUnit,
  snapThreshold,
  supportedTimeZones,
  targetAfterKpiChange,
  timeZoneOptions,
} from './options';
import { STEP_NAMES, type DraftKey, type Drafts, type EditDraft, type FieldErrors, type WizardField } from './wizard';

export interface StepProps<K extends DraftKey> {
  draft: Drafts[K];
  errors: FieldErrors;
  onChange: (patch: Partial<Drafts[K]>, fields: readonly WizardField[]) => void;
}

function useLanguage(): string {
  const { i18n } = useTranslation();
  return toSupportedLanguage(i18n.resolvedLanguage ?? i18n.language);
}

/** The translated message for a field's error, if it has one. */
function useErrorText(errors: FieldErrors): (field: WizardField) => string | undefined {
  const { t } = useTranslation();
  return (field) => {
    const key = errors[field];
    return key ? t(`account.onboarding.errors.${key}`) : undefined;
  };
}

export function WelcomeStep() {
  const { t } = useTranslation();
  return (
    <>
      <p className="wizard-lead">{t('account.onboarding.welcome.lead')}</p>
      <p className="wizard-overview__intro">{t('account.onboarding.welcome.overview')}</p>
      <ol className="wizard-overview" data-testid="onboarding-overview">
        {([1, 2, 3, 4, 5] as const).map((n) => (
          <li key={n} className="wizard-overview__item">
            <span className="wizard-overview__number" aria-hidden="true">
              {n}
            </span>
            <span>
              <strong className="wizard-overview__name">{t(`account.onboarding.steps.${STEP_NAMES[n]}`)}</strong>
              <span className="wizard-overview__text">{t(`account.onboarding.welcome.items.${STEP_NAMES[n]}`)}</span>
            </span>
          </li>
        ))}
      </ol>
      <p className="muted">{t('account.onboarding.welcome.after')}</p>
    </>
  );
}

/** `marketHint`: say that the market suggests the goals' currency and zone (true in the wizard only). */
export function BusinessStep({ draft, errors, onChange, marketHint = true }: StepProps<'business'> & { marketHint?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText(errors);
  const countries = useMemo(() => countryOptions(getCountries(), language), [language]);
  return (
    <>
      <ChoiceGroup
        field="industry"
        type="radio"
        legend={t('account.onboarding.business.industry')}
        options={industries.map((value) => ({ value, label: t(`account.onboarding.business.industries.${value}`) }))}
        selected={draft.industry ? [draft.industry] : []}
        onChange={(industry) => onChange({ industry }, ['industry'])}
        error={errorText('industry')}
        testIdPrefix="industry"
        size="large"
      />
      <ChoiceGroup
        field="monthly_ad_spend"
        type="radio"
        legend={t('account.onboarding.business.spend')}
        options={monthlyAdSpends.map((value) => ({ value, label: t(`account.onboarding.business.spends.${value}`) }))}
        selected={draft.monthly_ad_spend ? [draft.monthly_ad_spend] : []}
        onChange={(monthly_ad_spend) => onChange({ monthly_ad_spend }, ['monthly_ad_spend'])}
        error={errorText('monthly_ad_spend')}
        testIdPrefix="spend"
        size="small"
      />
      <ChoiceGroup
        field="team_size"
        type="radio"
        legend={t('account.onboarding.business.team')}
        options={teamSizes.map((value) => ({ value, label: t(`account.onboarding.business.teams.${value}`) }))}
        selected={draft.team_size ? [draft.team_size] : []}
        onChange={(team_size) => onChange({ team_size }, ['team_size'])}
        error={errorText('team_size')}
        testIdPrefix="team"
        size="small"
      />
      <SelectField
        field="primary_market"
        label={t('account.onboarding.business.market')}
        hint={marketHint ? t('account.onboarding.business.marketHint') : undefined}
        value={draft.primary_market}
        groups={[
          { label: t('account.onboarding.business.gulf'), options: countries.first },
          { label: t('account.onboarding.business.otherCountries'), options: countries.rest },
        ]}
        onChange={(primary_market) => onChange({ primary_market }, ['primary_market'])}
        error={errorText('primary_market')}
        testId="primary-market"
      />
    </>
  );
}

export function PlatformsStep({ draft, errors, onChange }: StepProps<'platforms'>) {
  const { t } = useTranslation();
  const errorText = useErrorText(errors);
  const toggle = (platform: AdPlatform, checked: boolean) => {
    const chosen = new Set(draft.platforms);
    if (checked) chosen.add(platform);
    else chosen.delete(platform);
    // Kept in the offered order, whatever order they were ticked in.
    onChange({ platforms: PLATFORMS.filter((p) => chosen.has(p)) }, ['platforms']);
  };
  return (
    <ChoiceGroup
      field="platforms"
      type="checkbox"
      legend={t('account.onboarding.platforms.legend')}
      hint={t('account.onboarding.platforms.hint')}
      options={PLATFORMS.map((value) => ({
        value,
        label: t(`account.onboarding.platforms.names.${value}`),
        description: t(`account.onboarding.platforms.descriptions.${value}`),
      }))}
      selected={draft.platforms}
      onChange={toggle}
      error={errorText('platforms')}
      testIdPrefix="platform"
      size="wide"
    />
  );
}

export function GoalsStep({ draft, errors, onChange, market }: StepProps<'goals'> & { market: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText(errors);
  const currencies = useMemo(() => currencyOptions(language, draft.currency), [language, draft.currency]);
  const zones = useMemo(() => timeZoneOptions(supportedTimeZones(), language, draft.timezone), [language, draft.timezone]);
  const marketName = useMemo(() => {
    if (!market) return undefined;
    try {
      return new Intl.DisplayNames([language, 'en'], { type: 'region' }).of(market) ?? market;
    } catch {
      return market;
    }
  }, [language, market]);
  const kpi = draft.primary_kpi;
  const unit = kpiUnit(kpi) === 'multiple' ? '×' : draft.currency;
  return (
    <>
      <ChoiceGroup
        field="primary_kpi"
        type="radio"
        legend={t('account.onboarding.goals.kpi')}
        options={primaryKpis.map((value) => ({
          value,
          label: t(`account.onboarding.goals.kpis.${value}`),
          description: t(`account.onboarding.goals.kpiDescriptions.${value}`),
        }))}
        selected={[kpi]}
        onChange={(to) => {
          const next = targetAfterKpiChange({ from: kpi, to, text: draft.target, edited: draft.targetEdited });
          onChange({ primary_kpi: to, target: next.text, targetEdited: next.edited }, ['primary_kpi', 'target_value']);
        }}
        error={errorText('primary_kpi')}
        testIdPrefix="kpi"
        size="small"
      />
      <TextField
        id={fieldId('target_value')}
        testId="target-value"
        label={t(`account.onboarding.goals.target.${kpi}`)}
        hint={kpi === 'ROAS' ? t('account.onboarding.goals.targetHint.ROAS') : t(`account.onboarding.goals.targetHint.${kpi}`, { currency: draft.currency })}
        name="target_value"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
        className="field__input--number"
        value={draft.target}
        error={errorText('target_value')}
        onChange={(e) => onChange({ target: e.target.value, targetEdited: true }, ['target_value'])}
        adornment={
          <span className="field__unit" aria-hidden="true" data-testid="target-unit">
            {unit}
          </span>
        }
      />
      <div className="wizard-row">
        <SelectField
          field="currency"
          label={t('account.onboarding.goals.currency')}
          value={draft.currency}
          groups={[
            { label: t('account.onboarding.goals.commonCurrencies'), options: currencies.first },
            { label: t('account.onboarding.goals.otherCurrencies'), options: currencies.rest },
          ]}
          onChange={(currency) => onChange({ currency }, ['currency'])}
          error={errorText('currency')}
          testId="currency"
        />
        <SelectField
          field="timezone"
          label={t('account.onboarding.goals.timezone')}
          value={draft.timezone}
          groups={[{ label: t('account.onboarding.goals.timezone'), options: zones }]}
          onChange={(timezone) => onChange({ timezone }, ['timezone'])}
          error={errorText('timezone')}
          testId="timezone"
        />
      </div>
      {marketName ? (
        <p className="field__hint" data-testid="goals-suggested">
          {t('account.onboarding.goals.suggested', { market: marketName })}
        </p>
      ) : null}
    </>
  );
}

export function AutomationStep({ draft, errors, onChange }: StepProps<'automation'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText(errors);
  const percent = formatPercent(draft.trust_threshold, language);
  const sliderId = fieldId('trust_threshold');
  const explainId = `${sliderId}-explain`;
  const thresholdError = errorText('trust_threshold');
  return (
    <>
      <ChoiceGroup
        field="level"
        type="radio"
        legend={t('account.onboarding.automation.level')}
        options={automationLevels.map((value) => ({
          value,
          label: t(`account.onboarding.automation.levels.${value}`),
          description: t(`account.onboarding.automation.levelDescriptions.${value}`),
          badge: value === 'assisted' ? t('account.onboarding.automation.recommended') : undefined,
        }))}
        selected={[draft.level]}
        onChange={(level) => onChange({ level }, ['level'])}
        error={errorText('level')}
        testIdPrefix="level"
        size="large"
      />
      <div className={thresholdError ? 'field threshold field--invalid' : 'field threshold'}>
        <div className="threshold__head">
          <label htmlFor={sliderId} className="field__label">
            {t('account.onboarding.automation.threshold')}
          </label>
          <output htmlFor={sliderId} className="threshold__value" data-testid="trust-threshold-value">
            {percent}
          </output>
        </div>
        <input
          id={sliderId}
          type="range"
          className="threshold__slider"
          name="trust_threshold"
          min={0}
          max={100}
          step={5}
          value={draft.trust_threshold}
          onChange={(e) => onChange({ trust_threshold: snapThreshold(Number(e.target.value)) }, ['trust_threshold'])}
          aria-valuetext={percent}
          aria-invalid={thresholdError ? true : undefined}
          aria-describedby={thresholdError ? `${explainId} ${sliderId}-error` : explainId}
          data-testid="trust-threshold"
        />
        <div className="threshold__scale" aria-hidden="true">
          <span>{formatPercent(0, language)}</span>
          <span>{formatPercent(100, language)}</span>
        </div>
        <p id={explainId} className="field__hint threshold__explain" data-testid="trust-threshold-explain">
          {t('account.onboarding.automation.thresholdExplain', { value: percent })}
        </p>
        {thresholdError ? (
          <p id={`${sliderId}-error`} className="field__error" data-testid="trust-threshold-error">
            {thresholdError}
          </p>
        ) : null}
      </div>
    </>
  );
}

export interface AnswerStepProps {
  /** Which answer's fields to show. */
  answer: DraftKey;
  drafts: Drafts;
  errors: FieldErrors;
  onEdit: EditDraft;
  /**
   * The wizard's suggestions: the market suggests the goals' currency and time zone, and the
   * goals name that market. Not under Settings, where the goals are already chosen.
   */
  suggestions?: { market: string | undefined } | undefined;
}

/** One answer's fields, as the wizard's step and as a Settings section show them. */
export function AnswerStep({ answer, drafts, errors, onEdit, suggestions }: AnswerStepProps) {
  switch (answer) {
    case 'business':
      return <BusinessStep draft={drafts.business} errors={errors} onChange={(p, f) => onEdit('business', p, f)} marketHint={suggestions !== undefined} />;
    case 'platforms':
      return <PlatformsStep draft={drafts.platforms} errors={errors} onChange={(p, f) => onEdit('platforms', p, f)} />;
    case 'goals':
      return <GoalsStep draft={drafts.goals} errors={errors} onChange={(p, f) => onEdit('goals', p, f)} market={suggestions?.market} />;
    case 'automation':
      return <AutomationStep draft={drafts.automation} errors={errors} onChange={(p, f) => onEdit('automation', p, f)} />;
  }
}
