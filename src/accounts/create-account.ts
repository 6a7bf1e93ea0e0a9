import { newId } from '../db/ids.js';
import { users, type LeadRow } from '../db/schema/index.js';
import type { Tx } from '../db/types.js';
import { recordLead, type LeadDeps, type LeadFields, type RequestMeta } from '../capture/record-lead.js';
import { accountEmailJob } from './account-email.job.js';
import { houseScope } from './house.js';
import { startEmailSequence } from './welcome.js';
import { createWorkspace } from './workspaces.js';

/** The landing forms' lead fields (attribution, language, company): the lead the new account came from. */
export type AccountLead = LeadFields;

export interface NewAccountInput {
  lead: AccountLead;
  fullName: string;
  workspaceName: string;
  /** argon2id; null for someone who signs in only through a provider. */
  passwordHash: string | null;
  /**
   * `pending`: a password signup, the address still to be proven by the emailed link.
   * `verified`: a provider vouched for the address, so verification is skipped.
   */
  emailStatus: 'pending' | 'verified';
}

/**
 * A new customer, the same way whichever door they came through: their workspace, its
 * owner, the lead with everything known about the click that brought them, the conversion
 * events owed to the ad platforms, and the first email (the verification link, or the
 * welcome and its sequence). Runs in the caller's transaction.
 */
export async function createAccount(deps: LeadDeps & { db: Tx }, input: NewAccountInput, meta: RequestMeta): Promise<{ userId: string; workspaceId: string; lead: LeadRow }> {
  const { db: tx } = deps;
  const language = input.lead.language;
  const workspace = await createWorkspace(tx, { name: input.workspaceName, locale: language });
  const userId = newId('user');
  const verified = input.emailStatus === 'verified';
  await tx.insert(users).values({
    id: userId,
    workspaceId: workspace.id,
    email: input.lead.email.trim(),
    fullName: input.fullName,
    role: 'owner',
    status: verified ? 'verified' : 'pending_verification',
    verifiedAt: verified ? meta.now : null,
    passwordHash: input.passwordHash,
    language,
    createdAt: meta.now,
    updatedAt: meta.now,
  });
  const lead = await recordLead(deps, houseScope, input.lead, meta, { kind: 'signup', userId, conversions: true });
  if (verified) await startEmailSequence(deps.queue, tx, { id: userId, workspaceId: workspace.id }, meta.now);
  else await deps.queue.enqueue(accountEmailJob, { workspaceId: workspace.id, userId, kind: 'verification' }, { tx });
  return { userId, workspaceId: workspace.id, lead };
}
