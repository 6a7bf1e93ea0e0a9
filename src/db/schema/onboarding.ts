import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { tenantKey } from './columns.js';
import { users } from './users.js';
import { workspaces } from './workspaces.js';

/** Saved wizard answers, per step, exactly as validated (see onboarding/steps.schema.ts). */
export interface OnboardingAnswers {
  business?: { industry: string; monthly_ad_spend: string; team_size: string; primary_market: string };
  platforms?: { platforms: string[] };
  goals?: { primary_kpi: string; target_value: number; currency: string; timezone: string };
  automation?: { level: string; trust_threshold: number };
}

/** Where a workspace is in the five-step wizard, so a reload resumes there. */
export const onboardingStates = pgTable('onboarding_states', {
  workspaceId: tenantKey()
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  currentStep: integer('current_step').notNull().default(1),
  answers: jsonb('answers').$type<OnboardingAnswers>().notNull().default({}),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
