import { describe, expect, it } from 'vitest';
import { stepSchemas, type OnboardingState } from '../../../../src/onboarding/steps.schema.js';
import {
  firstInvalidField,
  firstMissingStep,
  goalsDraft,
  mapStepIssues,
  mapStepServerDetails,
  refreshUntouched,
  resumeStep,
  seedDrafts,
  stepBody,
  withoutFieldErrors,
  DRAFT_OF_STEP,
  STEP_OF_DRAFT,
  type DraftKey,
  type FieldErrors,
} from './wizard';

const fresh: OnboardingState = {
  current_step: 1,
  completed: false,
  answers: {},
  defaults: {
    goals: { primary_kpi: 'ROAS', target_value: 3, currency: 'USD', timezone: 'UTC' },
    automation: { level: 'assisted', trust_threshold: 70 },
  },
};

const afterBusiness: OnboardingState = {
  ...fresh,
  current_step: 3,
  answers: { business: { industry: 'ecommerce', monthly_ad_spend: '5k_50k', team_size: '2_5', primary_market: 'SA' } },
  defaults: { ...fresh.defaults, goals: { primary_kpi: 'ROAS', target_value: 3, currency: 'SAR', timezone: 'Asia/Riyadh' } },
};

describe('seedDrafts', () => {
  it('starts empty where a choice is needed, Saudi Arabia as the market, defaults elsewhere', () => {
    const d = seedDrafts(fresh);
    expect(d.business).toEqual({ industry: '', monthly_ad_spend: '', team_size: '', primary_market: 'SA' });
    expect(d.platforms.platforms).toEqual([]);
    expect(d.goals).toEqual({ primary_kpi: 'ROAS', target: '3', targetEdited: false, currency: 'USD', timezone: 'UTC' });
    expect(d.automation).toEqual({ level: 'assisted', trust_threshold: 70 });
  });

  it('prefills saved answers, and treats a saved non-default target as typed', () => {
    const state: OnboardingState = { ...afterBusiness, answers: { ...afterBusiness.answers, goals: { primary_kpi: 'CPA', target_value: 80, currency: 'AED', timezone: 'Asia/Dubai' } } };
    expect(seedDrafts(state).business.industry).toBe('ecommerce');
    expect(goalsDraft(state)).toEqual({ primary_kpi: 'CPA', target: '80', targetEdited: true, currency: 'AED', timezone: 'Asia/Dubai' });
  });
});

describe('refreshUntouched', () => {
  it('moves untouched goals to the new market defaults, but keeps what the person edited', () => {
    const drafts = seedDrafts(fresh);
    const untouched = refreshUntouched(drafts, new Set<DraftKey>(['business']), afterBusiness);
    expect(untouched.goals.currency).toBe('SAR');
    expect(untouched.goals.timezone).toBe('Asia/Riyadh');
    const edited = { ...drafts, goals: { ...drafts.goals, currency: 'EUR' } };
    expect(refreshUntouched(edited, new Set<DraftKey>(['goals']), afterBusiness).goals.currency).toBe('EUR');
  });
});

describe('resumeStep', () => {
  it('opens where the person left off, within 1–5', () => {
    expect(resumeStep(fresh)).toBe(1);
    expect(resumeStep(afterBusiness)).toBe(3);
    expect(resumeStep({ ...fresh, current_step: 9 })).toBe(5);
  });
});

describe('stepBody and the step schemas', () => {
  it('sends {} for the welcome step and a parsed number for the target', () => {
    const d = seedDrafts(afterBusiness);
    expect(stepBody(1, d)).toEqual({});
    expect(stepSchemas[1].safeParse(stepBody(1, d)).success).toBe(true);
    const body = stepBody(4, { ...d, goals: { ...d.goals, target: '٣٫٥' } });
    expect(body).toEqual({ primary_kpi: 'ROAS', target_value: 3.5, currency: 'SAR', timezone: 'Asia/Riyadh' });
    expect(stepSchemas[4].safeParse(body).success).toBe(true);
  });

  it('maps the schema issues of an empty business step to each field, in screen order', () => {
    const r = stepSchemas[2].safeParse(stepBody(2, seedDrafts(fresh)));
    expect(r.success).toBe(false);
    const errors = mapStepIssues(2, r.error?.issues ?? []);
    expect(errors).toEqual({ industry: 'industry', monthly_ad_spend: 'spend', team_size: 'team' });
    expect(firstInvalidField(2, errors)).toBe('industry');
  });

  it('asks for at least one platform and a positive, not absurd target', () => {
    const d = seedDrafts(fresh);
    expect(mapStepIssues(3, stepSchemas[3].safeParse(stepBody(3, d)).error?.issues ?? [])).toEqual({ platforms: 'platforms' });
    const empty = stepBody(4, { ...d, goals: { ...d.goals, target: '' } });
    expect(mapStepIssues(4, stepSchemas[4].safeParse(empty).error?.issues ?? [])).toEqual({ target_value: 'target' });
    const zero = stepBody(4, { ...d, goals: { ...d.goals, target: '0' } });
    expect(mapStepIssues(4, stepSchemas[4].safeParse(zero).error?.issues ?? [])).toEqual({ target_value: 'target' });
    const huge = stepBody(4, { ...d, goals: { ...d.goals, target: '5000000000' } });
    expect(mapStepIssues(4, stepSchemas[4].safeParse(huge).error?.issues ?? [])).toEqual({ target_value: 'targetTooBig' });
  });
});

describe('mapStepServerDetails', () => {
  it('maps the 400 details by path, ignoring fields of other steps', () => {
    const details = [
      { in: 'body', path: 'primary_market', message: 'unknown country code (ISO 3166-1 alpha-2)' },
      { in: 'body', path: 'target_value', message: 'Too big: expected number to be <=1000000000' },
    ];
    expect(mapStepServerDetails(2, details)).toEqual({ primary_market: 'market' });
    expect(mapStepServerDetails(4, details)).toEqual({ target_value: 'targetTooBig' });
    expect(mapStepServerDetails(3, [{ in: 'body', path: 'platforms.0', message: 'Invalid option' }])).toEqual({ platforms: 'platforms' });
    expect(mapStepServerDetails(3, 'nonsense')).toEqual({});
  });
});

describe('firstMissingStep', () => {
  it('turns a 409 missing list into the earliest unanswered step', () => {
    expect(firstMissingStep({ missing: ['goals', 'platforms'] })).toBe(3);
    expect(firstMissingStep({ missing: ['automation'] })).toBe(5);
    expect(firstMissingStep({ missing: [] })).toBeUndefined();
    expect(firstMissingStep(null)).toBeUndefined();
  });
});

describe('STEP_OF_DRAFT', () => {
  it('is the inverse of DRAFT_OF_STEP', () => {
    for (const [key, step] of Object.entries(STEP_OF_DRAFT)) expect(DRAFT_OF_STEP[step]).toBe(key);
  });
});

describe('withoutFieldErrors', () => {
  const errors: FieldErrors = { target_value: 'target', timezone: 'timezone', industry: 'industry' };
  it('drops the given fields\' errors and keeps the rest', () => {
    expect(withoutFieldErrors(errors, ['primary_kpi', 'target_value', 'currency', 'timezone'])).toEqual({ industry: 'industry' });
  });
  it('returns the same object when nothing changes (no re-render)', () => {
    expect(withoutFieldErrors(errors, ['platforms'])).toBe(errors);
  });
});
