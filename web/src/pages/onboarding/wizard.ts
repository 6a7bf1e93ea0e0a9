// The wizard's state between the form and the API: drafts seeded from the saved answers or the
// server's defaults, the bodies sent per step, and validation issues mapped to fields. Pure.

import type {
  AdPlatform,
  AutomationLevel,
  Industry,
  MonthlyAdSpend,
  OnboardingState,
  PrimaryKpi,
  StepNumber,
  TeamSize,
} from '../../api/onboarding';
import { DEFAULT_MARKET, isCustomTarget, parseDecimal } from './options';

export const STEPS = [1, 2, 3, 4, 5] as const satisfies readonly StepNumber[];
export const TOTAL_STEPS = STEPS.length;

/** Each step's name key in the catalogue, in order. */
export const STEP_NAMES = { 1: 'welcome', 2: 'business', 3: 'platforms', 4: 'goals', 5: 'automation' } as const;
export type StepName = (typeof STEP_NAMES)[StepNumber];

export interface BusinessDraft {
  industry: Industry | '';
  monthly_ad_spend: MonthlyAdSpend | '';
  team_size: TeamSize | '';
  primary_market: string;
}

export interface PlatformsDraft {
  platforms: AdPlatform[];
}

export interface GoalsDraft {
  primary_kpi: PrimaryKpi;
  /** As typed (Arabic digits allowed); parsed when the step is sent. */
  target: string;
  /** The person typed the target themselves (a KPI change then keeps it). */
  targetEdited: boolean;
  currency: string;
  timezone: string;
}

export interface AutomationDraft {
  level: AutomationLevel;
  trust_threshold: number;
}

export interface Drafts {
  business: BusinessDraft;
  platforms: PlatformsDraft;
  goals: GoalsDraft;
  automation: AutomationDraft;
}

export type DraftKey = keyof Drafts;
export const DRAFT_OF_STEP = { 2: 'business', 3: 'platforms', 4: 'goals', 5: 'automation' } as const satisfies Record<Exclude<StepNumber, 1>, DraftKey>;
/** The step that saves each answer (the wizard's step, and the Settings section's PUT). */
export const STEP_OF_DRAFT = { business: 2, platforms: 3, goals: 4, automation: 5 } as const satisfies Record<DraftKey, Exclude<StepNumber, 1>>;

/** How a form edits one answer: the patch, and the fields whose errors the edit clears. */
export type EditDraft = <K extends DraftKey>(key: K, patch: Partial<Drafts[K]>, fields: readonly WizardField[]) => void;

export function businessDraft(state: OnboardingState): BusinessDraft {
  const saved = state.answers.business;
  return saved ? { ...saved } : { industry: '', monthly_ad_spend: '', team_size: '', primary_market: DEFAULT_MARKET };
}

export function platformsDraft(state: OnboardingState): PlatformsDraft {
  return { platforms: [...(state.answers.platforms?.platforms ?? [])] };
}

/** Saved goals, or the defaults, which follow the market saved in step 2. */
export function goalsDraft(state: OnboardingState): GoalsDraft {
  const saved = state.answers.goals;
  const g = saved ?? state.defaults.goals;
  return {
    primary_kpi: g.primary_kpi,
    target: String(g.target_value),
    targetEdited: saved !== undefined && isCustomTarget(saved.primary_kpi, saved.target_value),
    currency: g.currency,
    timezone: g.timezone,
  };
}

export function automationDraft(state: OnboardingState): AutomationDraft {
  return { ...(state.answers.automation ?? state.defaults.automation) };
}

export function seedDrafts(state: OnboardingState): Drafts {
  return { business: businessDraft(state), platforms: platformsDraft(state), goals: goalsDraft(state), automation: automationDraft(state) };
}

/**
 * After the server answers, drafts the person has not touched follow it: saving a new market
 * in step 2 changes the currency and time zone suggested for step 4.
 */
export function refreshUntouched(drafts: Drafts, touched: ReadonlySet<DraftKey>, state: OnboardingState): Drafts {
  const fresh = seedDrafts(state);
  const next = { ...drafts };
  for (const key of Object.keys(fresh) as DraftKey[]) {
    if (!touched.has(key)) Object.assign(next, { [key]: fresh[key] });
  }
  return next;
}

/** The step the wizard opens at: where the person left off. */
export function resumeStep(state: OnboardingState): StepNumber {
  const n = Math.min(TOTAL_STEPS, Math.max(1, Math.trunc(state.current_step)));
  return n as StepNumber;
}

/** What a step sends, before validation (the schema decides what is wrong with it). */
export function stepBody(step: StepNumber, drafts: Drafts): Record<string, unknown> {
  switch (step) {
    case 1:
      return {};
    case 2:
      return { ...drafts.business };
    case 3:
      return { platforms: [...drafts.platforms.platforms] };
    case 4: {
      const { primary_kpi, target, currency, timezone } = drafts.goals;
      return { primary_kpi, target_value: parseDecimal(target), currency, timezone };
    }
    case 5:
      return { ...drafts.automation };
  }
}

/** The fields of each step, in on-screen order (the first invalid one gets the focus). */
export const STEP_FIELDS = {
  1: [],
  2: ['industry', 'monthly_ad_spend', 'team_size', 'primary_market'],
  3: ['platforms'],
  4: ['primary_kpi', 'target_value', 'currency', 'timezone'],
  5: ['level', 'trust_threshold'],
} as const satisfies Record<StepNumber, readonly string[]>;
export type WizardField = (typeof STEP_FIELDS)[StepNumber][number];

/** Keys under `account.onboarding.errors`. */
export type WizardErrorKey =
  | 'industry'
  | 'spend'
  | 'team'
  | 'market'
  | 'platforms'
  | 'kpi'
  | 'target'
  | 'targetTooBig'
  | 'currency'
  | 'timezone'
  | 'level'
  | 'threshold';

const FIELD_ERROR: Record<WizardField, WizardErrorKey> = {
  industry: 'industry',
  monthly_ad_spend: 'spend',
  team_size: 'team',
  primary_market: 'market',
  platforms: 'platforms',
  primary_kpi: 'kpi',
  target_value: 'target',
  currency: 'currency',
  timezone: 'timezone',
  level: 'level',
  trust_threshold: 'threshold',
};

export type FieldErrors = Partial<Record<WizardField, WizardErrorKey>>;

function fieldIn(step: StepNumber, name: string): WizardField | undefined {
  return (STEP_FIELDS[step] as readonly string[]).includes(name) ? (name as WizardField) : undefined;
}

function errorFor(field: WizardField, tooBig: boolean): WizardErrorKey {
  return field === 'target_value' && tooBig ? 'targetTooBig' : FIELD_ERROR[field];
}

/** What the mapping needs of a zod issue (structurally compatible with zod's own). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
}

/**
 * Zod issues → one message key per field (the schema's English messages are never shown).
 * Issues for fields the step does not have are dropped: the person could not fix them.
 */
export function mapStepIssues(step: StepNumber, issues: readonly IssueLike[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldIn(step, String(issue.path[0] ?? ''));
    if (field) out[field] ??= errorFor(field, issue.code === 'too_big');
  }
  return out;
}

/** A 400's `details: [{ in, path, message }]` (path "target_value", "platforms.0", ["industry"]) → fields. */
export function mapStepServerDetails(step: StepNumber, details: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!Array.isArray(details)) return out;
  for (const detail of details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    const first: unknown = Array.isArray(path) ? path[0] : path;
    if (typeof first !== 'string' && typeof first !== 'number') continue;
    const name = String(first).replace(/^\//, '').replace(/^body\./, '').split(/[./[]/)[0] ?? '';
    const field = fieldIn(step, name);
    const tooBig = typeof message === 'string' && /too big|<=|at most|less than/i.test(message);
    if (field) out[field] ??= errorFor(field, tooBig);
  }
  return out;
}

export function firstInvalidField(step: StepNumber, errors: FieldErrors): WizardField | undefined {
  return (STEP_FIELDS[step] as readonly WizardField[]).find((f) => errors[f] !== undefined);
}

/** The errors without those of `fields` (the same object when none of them had one). */
export function withoutFieldErrors(errors: FieldErrors, fields: readonly WizardField[]): FieldErrors {
  if (!fields.some((f) => errors[f] !== undefined)) return errors;
  const next = { ...errors };
  for (const f of fields) delete next[f];
  return next;
}

/** A 409's `details.missing` (["platforms", "goals"]) → the earliest step still to answer. */
export function firstMissingStep(details: unknown): StepNumber | undefined {
  if (typeof details !== 'object' || details === null || !('missing' in details)) return undefined;
  const missing: unknown = details.missing;
  if (!Array.isArray(missing)) return undefined;
  const steps = (missing as unknown[])
    .filter((m): m is DraftKey => typeof m === 'string' && m in STEP_OF_DRAFT)
    .map((m) => STEP_OF_DRAFT[m]);
  return steps.length > 0 ? (Math.min(...steps) as StepNumber) : undefined;
}
