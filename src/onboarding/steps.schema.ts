import { getCountries } from 'libphonenumber-js';
import { z } from 'zod';
import { timeZoneSchema } from '../shared/time-zone.js';

/** The wizard's answers, one schema per step, shared by the server and the wizard page. */
export const industries = ['ecommerce', 'lead_generation', 'saas_app', 'local_business', 'agency'] as const;
export const monthlyAdSpends = ['under_5k', '5k_50k', '50k_500k', '500k_plus'] as const;
export const teamSizes = ['just_me', '2_5', '6_20', '20_plus'] as const;
export const adPlatforms = ['meta', 'google', 'tiktok', 'snapchat'] as const;
export const primaryKpis = ['ROAS', 'CPA', 'CPL', 'Revenue'] as const;
export const automationLevels = ['manual', 'assisted', 'autopilot'] as const;

const countryCodes = new Set<string>(getCountries());

export const businessStepSchema = z.object({
  industry: z.enum(industries),
  monthly_ad_spend: z.enum(monthlyAdSpends),
  team_size: z.enum(teamSizes),
  primary_market: z.string().refine((c) => countryCodes.has(c), 'unknown country code (ISO 3166-1 alpha-2)'),
});

export const platformsStepSchema = z.object({
  platforms: z.array(z.enum(adPlatforms)).min(1, 'Pick at least one platform').max(4).refine((a) => new Set(a).size === a.length, 'listed twice'),
});

/**
 * `target_value`: a multiple for ROAS (3 = 3×), otherwise an amount in the currency's
 * major units as typed (e.g. 50 SAR per lead); stored as given, converted where used.
 */
export const goalsStepSchema = z.object({
  primary_kpi: z.enum(primaryKpis),
  target_value: z.number().positive().max(1e9),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. SAR'),
  timezone: timeZoneSchema,
});

export const automationStepSchema = z.object({
  level: z.enum(automationLevels),
  trust_threshold: z.number().int().min(0).max(100),
});

export const stepSchemas = {
  1: z.object({}).strict(),
  2: businessStepSchema,
  3: platformsStepSchema,
  4: goalsStepSchema,
  5: automationStepSchema,
} as const;
export type StepNumber = keyof typeof stepSchemas;
export const stepKeys = { 2: 'business', 3: 'platforms', 4: 'goals', 5: 'automation' } as const;

export const onboardingStateSchema = z.object({
  current_step: z.number().int().min(1).max(5),
  completed: z.boolean(),
  answers: z.object({
    business: businessStepSchema.optional(),
    platforms: platformsStepSchema.optional(),
    goals: goalsStepSchema.optional(),
    automation: automationStepSchema.optional(),
  }),
  /** Suggestions for the steps not answered yet (from the market chosen, or the workspace). */
  defaults: z.object({ goals: goalsStepSchema, automation: automationStepSchema }),
});
export type OnboardingState = z.infer<typeof onboardingStateSchema>;
