import type { OnboardingState } from '../../api/onboarding';
import { seedDrafts, type Drafts } from './wizard';

/** A finished onboarding, for the wizard's and Settings' tests. */
export const completedOnboarding: OnboardingState = {
  current_step: 5,
  completed: true,
  answers: {
    business: { industry: 'ecommerce', monthly_ad_spend: '5k_50k', team_size: '2_5', primary_market: 'SA' },
    platforms: { platforms: ['meta', 'google'] },
    goals: { primary_kpi: 'ROAS', target_value: 3.5, currency: 'SAR', timezone: 'Asia/Riyadh' },
    automation: { level: 'assisted', trust_threshold: 70 },
  },
  defaults: {
    goals: { primary_kpi: 'ROAS', target_value: 3, currency: 'SAR', timezone: 'Asia/Riyadh' },
    automation: { level: 'assisted', trust_threshold: 70 },
  },
};

export const completedDrafts = seedDrafts(completedOnboarding);

/** The completed drafts with one section changed. */
export const editDrafts = <K extends keyof Drafts>(key: K, patch: Partial<Drafts[K]>): Drafts => ({
  ...completedDrafts,
  [key]: { ...completedDrafts[key], ...patch },
});
