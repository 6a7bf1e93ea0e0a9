import { eq } from 'drizzle-orm';
import { inScope, type WorkspaceScope } from '../db/scope.js';
import { onboardingStates, workspaces, type OnboardingAnswers } from '../db/schema/index.js';
import { withTransaction } from '../db/tx.js';
import type { Db, DbOrTx, Tx } from '../db/types.js';
import { AppError, parseOrThrow } from '../errors.js';
import { automationDefaults, kpiTargetDefaults, marketDefaults } from './defaults.js';
import { stepKeys, stepSchemas, type OnboardingState, type StepNumber } from './steps.schema.js';

async function load(db: DbOrTx, scope: WorkspaceScope) {
  const [row] = await db.select().from(onboardingStates).where(inScope(onboardingStates, scope));
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  if (!ws) throw new AppError('NOT_FOUND', 'Workspace not found');
  return { row, ws };
}

function present(row: { currentStep: number; answers: OnboardingAnswers; completedAt: Date | null } | undefined, ws: { currency: string; timezone: string }): OnboardingState {
  const answers = row?.answers ?? {};
  const market = marketDefaults(answers.business?.primary_market, ws);
  return {
    current_step: row?.currentStep ?? 1,
    completed: Boolean(row?.completedAt),
    answers: answers as OnboardingState['answers'],
    defaults: {
      goals: { primary_kpi: 'ROAS', target_value: kpiTargetDefaults.ROAS, ...market },
      automation: { ...automationDefaults },
    },
  };
}

export async function getOnboarding(db: DbOrTx, scope: WorkspaceScope): Promise<OnboardingState> {
  const { row, ws } = await load(db, scope);
  return present(row, ws);
}

/**
 * The workspace's row, created if missing and locked until the transaction ends, so saves
 * from the wizard, from Settings (one Save per section, possibly at once) and completion
 * take turns: each reads the answers the previous one wrote, and none is lost.
 */
async function lockState(tx: Tx, scope: WorkspaceScope, userId: string) {
  await tx.insert(onboardingStates).values({ workspaceId: scope.workspaceId, updatedBy: userId }).onConflictDoNothing();
  const [row] = await tx.select().from(onboardingStates).where(inScope(onboardingStates, scope)).for('update');
  return row!;
}

/** The workspace reports and budgets in the goals' currency and time zone. */
async function applyGoals(tx: Tx, scope: WorkspaceScope, goals: { currency: string; timezone: string }, now: Date) {
  await tx.update(workspaces).set({ currency: goals.currency, timezone: goals.timezone, updatedAt: now }).where(eq(workspaces.id, scope.workspaceId));
}

/**
 * Saves one step's answers (validated for that step). In the wizard it moves the wizard on;
 * going back and changing an earlier step keeps the later answers. After completion (the
 * same answers edited under Settings) the wizard's position stays where it is, and new
 * goals move the workspace's currency and time zone with them, in the same transaction.
 */
export async function saveStep(db: Db, scope: WorkspaceScope, userId: string, step: StepNumber, body: unknown): Promise<OnboardingState> {
  const value = parseOrThrow(stepSchemas[step], body);
  return withTransaction(db, async (tx) => {
    const row = await lockState(tx, scope, userId);
    const answers: OnboardingAnswers = { ...row.answers };
    if (step !== 1) Object.assign(answers, { [stepKeys[step]]: value });
    const completed = row.completedAt !== null;
    const currentStep = completed ? row.currentStep : Math.max(row.currentStep, Math.min(step + 1, 5));
    const now = new Date();
    await tx.update(onboardingStates).set({ currentStep, answers, updatedBy: userId, updatedAt: now }).where(inScope(onboardingStates, scope));
    if (completed && step === 4) await applyGoals(tx, scope, answers.goals!, now);
    return getOnboarding(tx, scope);
  });
}

/** Finishes the wizard: every step answered; the workspace takes the chosen currency and time zone. */
export async function completeOnboarding(db: Db, scope: WorkspaceScope, userId: string): Promise<OnboardingState> {
  return withTransaction(db, async (tx) => {
    const row = await lockState(tx, scope, userId);
    const a = row.answers;
    const missing = (['business', 'platforms', 'goals', 'automation'] as const).filter((k) => !a[k]);
    if (missing.length > 0) throw new AppError('CONFLICT', 'Some steps are not answered yet', { missing });
    const now = new Date();
    await applyGoals(tx, scope, a.goals!, now);
    await tx
      .update(onboardingStates)
      .set({ completedAt: row.completedAt ?? now, updatedBy: userId, updatedAt: now })
      .where(inScope(onboardingStates, scope));
    return getOnboarding(tx, scope);
  });
}
