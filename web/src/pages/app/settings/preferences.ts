// The Settings page's Preferences: which answers it shows, in what order, and what a
// section's status line says. Pure; the forms themselves are the wizard's.

import type { GoalsAnswers, OnboardingState } from '../../../api/onboarding';
import type { RequestErrorKey } from '../../account/request-errors';
import { STEP_OF_DRAFT, stepBody, type DraftKey, type Drafts } from '../../onboarding/wizard';

/** The sections, top to bottom: the wizard's steps 2–5. */
export const SECTIONS = ['business', 'platforms', 'goals', 'automation'] as const satisfies readonly DraftKey[];

export type SectionStatus =
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** The client's or the server's checks refused a field (its message is beside it). */
  | { kind: 'invalid' }
  | { kind: 'failed'; problem: RequestErrorKey }
  | { kind: 'forbidden' };

/** JSON with object keys sorted, so two answers compare by content, not key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The section's form differs from what the server has saved (a target of "3.50" equals 3.5). */
export function isUnsaved(key: DraftKey, drafts: Drafts, state: OnboardingState): boolean {
  return canonical(stepBody(STEP_OF_DRAFT[key], drafts)) !== canonical(state.answers[key] ?? null);
}

export type StatusMessage =
  | { key: 'saved' | 'invalid' | 'forbidden' }
  | { key: 'savedGoals'; currency: string; timezone: string }
  | { key: 'failed'; reason: RequestErrorKey };

/**
 * What the section's live status line says (nothing while saving: the button says so).
 * Saved goals name the workspace's new currency and time zone, which they also changed.
 */
export function statusMessage(key: DraftKey, status: SectionStatus | undefined, goals: GoalsAnswers | undefined): StatusMessage | undefined {
  if (!status || status.kind === 'saving') return undefined;
  switch (status.kind) {
    case 'saved':
      return key === 'goals' && goals ? { key: 'savedGoals', currency: goals.currency, timezone: goals.timezone } : { key: 'saved' };
    case 'failed':
      return { key: 'failed', reason: status.problem };
    default:
      return { key: status.kind };
  }
}
