// At runtime, in the lazily loaded wizard and Settings chunks only (zod and the country list).
import { stepSchemas } from '../../../../src/onboarding/steps.schema.js';
import type { StepBody, StepNumber } from '../../api/onboarding';
import { mapStepIssues, stepBody, type Drafts, type FieldErrors } from './wizard';

export type StepCheck = { ok: true; body: StepBody } | { ok: false; errors: FieldErrors };

/**
 * The one client-side check of a step, for the wizard and for Settings: the server's own
 * schema, its issues mapped to translated-message keys per field. `errors` can be empty
 * when the schema refuses something no field on screen can fix.
 */
export function validateStep(step: StepNumber, drafts: Drafts): StepCheck {
  const parsed = stepSchemas[step].safeParse(stepBody(step, drafts));
  if (parsed.success) return { ok: true, body: parsed.data as StepBody };
  return { ok: false, errors: mapStepIssues(step, parsed.error.issues) };
}
