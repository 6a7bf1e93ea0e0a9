import { apiGet, apiPost, apiPut } from './client';
// The server's contract, type-only here: the schemas themselves load with the wizard chunk.
import type {
  OnboardingState,
  StepNumber,
  adPlatforms,
  automationLevels,
  industries,
  monthlyAdSpends,
  primaryKpis,
  teamSizes,
} from '../../../src/onboarding/steps.schema.js';

export type { OnboardingState, StepNumber };
export type Industry = (typeof industries)[number];
export type MonthlyAdSpend = (typeof monthlyAdSpends)[number];
export type TeamSize = (typeof teamSizes)[number];
export type AdPlatform = (typeof adPlatforms)[number];
export type PrimaryKpi = (typeof primaryKpis)[number];
export type AutomationLevel = (typeof automationLevels)[number];
export type OnboardingAnswers = OnboardingState['answers'];
export type BusinessAnswers = NonNullable<OnboardingAnswers['business']>;
export type PlatformsAnswers = NonNullable<OnboardingAnswers['platforms']>;
export type GoalsAnswers = NonNullable<OnboardingAnswers['goals']>;
export type AutomationAnswers = NonNullable<OnboardingAnswers['automation']>;

/** The step bodies the server takes, by step (step 1, the welcome, has none). */
export interface StepBodies {
  1: Record<string, never>;
  2: BusinessAnswers;
  3: PlatformsAnswers;
  4: GoalsAnswers;
  5: AutomationAnswers;
}
export type StepBody = StepBodies[StepNumber];

export const ONBOARDING_PATHS = {
  state: '/api/v1/onboarding',
  step: (step: StepNumber) => `/api/v1/onboarding/steps/${String(step)}`,
  complete: '/api/v1/onboarding/complete',
} as const;

/** Current step, saved answers and suggested defaults; 401 when signed out. */
export function fetchOnboarding(signal?: AbortSignal): Promise<OnboardingState> {
  return apiGet<OnboardingState>(ONBOARDING_PATHS.state, signal ? { signal } : {});
}

/** Saves one step; 400 VALIDATION_FAILED with field details, 403 FORBIDDEN for viewers. */
export function saveOnboardingStep(step: StepNumber, body: StepBody): Promise<OnboardingState> {
  return apiPut<OnboardingState>(ONBOARDING_PATHS.step(step), body);
}

/** Finishes the wizard; 409 CONFLICT with `details.missing` when a step is unanswered. */
export function completeOnboarding(): Promise<OnboardingState> {
  return apiPost<OnboardingState>(ONBOARDING_PATHS.complete);
}

