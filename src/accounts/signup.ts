import { findLoginByEmail } from './users.js';
import { newId } from '../db/ids.js';
import { isUniqueViolation } from '../db/errors.js';
import { withTransaction } from '../db/tx.js';
import type { Db } from '../db/types.js';
import type { CrmProvider } from '../db/schema/crm.js';
import type { JobQueue } from '../jobs/queue.js';
import { looksLikeBot } from '../capture/bot-check.js';
import type { SubscribeInput, SubscribeOutput } from '../capture/intake.schema.js';
import { recordLead, type RequestMeta } from '../capture/record-lead.js';
import { accountEmailJob } from './account-email.job.js';
import { houseScope } from './house.js';
import { createAccount } from './create-account.js';
import { hashPassword } from './passwords.js';

export interface SignupDeps {
  db: Db;
  queue: JobQueue;
  crmProvider: CrmProvider | null;
}

export type SignupResult = SubscribeOutput & { outcome: 'created' | 'existing' | 'bot' };

/**
 * Stage 3: in one transaction, the lead (with attribution, platform and score), the
 * workspace and its owner (pending verification), the conversion events owed to the ad
 * platforms, and the verification email job. Someone whose email already has an account
 * gets the same answer, and an email that fits (no account enumeration).
 */
export async function signUp(deps: SignupDeps, input: SubscribeInput, meta: RequestMeta): Promise<SignupResult> {
  if (looksLikeBot(input, meta.now.getTime())) {
    // A bot gets a believable answer and nothing is stored or sent.
    return { outcome: 'bot', lead_id: newId('lead'), user_id: newId('user'), platform: 'direct', score: 0, status: 'pending_verification' };
  }
  // Hashed before anything is looked up, so a new and an existing address take as long.
  const passwordHash = await hashPassword(input.password);
  try {
    return await attempt(deps, input, meta, passwordHash);
  } catch (err) {
    // Two signups for one address racing: the loser takes the "existing account" path.
    if (isUniqueViolation(err)) return attempt(deps, input, meta, passwordHash);
    throw err;
  }
}

async function attempt(deps: SignupDeps, input: SubscribeInput, meta: RequestMeta, passwordHash: string): Promise<SignupResult> {
  return withTransaction(deps.db, async (tx) => {
    const existing = await findLoginByEmail(tx, input.email);

    if (existing) {
      const lead = await recordLead({ ...deps, db: tx }, houseScope, input, meta, { kind: 'signup', userId: existing.id, conversions: false });
      await deps.queue.enqueue(
        accountEmailJob,
        { workspaceId: existing.workspaceId, userId: existing.id, kind: existing.status === 'pending_verification' ? 'verification' : 'alreadyRegistered' },
        { tx },
      );
      return { outcome: 'existing', lead_id: lead.id, user_id: newId('user'), platform: lead.platform, score: lead.score, status: 'pending_verification' };
    }

    const { userId, lead } = await createAccount(
      { ...deps, db: tx },
      { lead: input, fullName: input.full_name, workspaceName: input.company_name, passwordHash, emailStatus: 'pending' },
      meta,
    );
    return { outcome: 'created', lead_id: lead.id, user_id: userId, platform: lead.platform, score: lead.score, status: 'pending_verification' };
  });
}
