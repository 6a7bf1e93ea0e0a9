import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { adAccounts, users } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import { defineJob } from '../jobs/define.js';
import { sendRendered } from '../email/send-rendered.js';
import { firstNameOf, renderEmailTemplate } from '../email/templates/index.js';
import { sequenceDecision, type SequenceTemplate } from './email-sequence.js';
import { issueToken } from './tokens.js';

/** "Need help connecting?" is only for workspaces with no ad account chosen to sync yet. */
async function hasConnectedAdAccount(db: Db, workspaceId: string): Promise<boolean> {
  const rows = await db.select({ id: adAccounts.id }).from(adAccounts).where(eq(adAccounts.workspaceId, workspaceId)).limit(1);
  return rows.length > 0;
}

const templates = ['welcome', 'gettingStarted', 'needHelpConnecting', 'caseStudy'] as const satisfies readonly SequenceTemplate[];

/** One email of the onboarding sequence, scheduled at verification and decided when due. */
export const sequenceEmailJob = defineJob({
  name: 'accounts.sequence-email',
  payload: z.object({ workspaceId: z.string(), userId: z.string(), template: z.enum(templates) }),
  retry: { limit: 6, delaySeconds: 60, backoff: true },
  expireInSeconds: 120,
  async handler({ workspaceId, userId, template }, ctx) {
    const [user] = await ctx.db.select().from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
    const decision = sequenceDecision(template, {
      exists: Boolean(user),
      status: user?.status ?? null,
      unsubscribed: Boolean(user?.marketingUnsubscribedAt),
      hasConnectedAdAccount: user ? await hasConnectedAdAccount(ctx.db, workspaceId) : false,
    });
    if (!user || !decision.send) {
      ctx.log.info({ template, reason: decision.reason }, 'sequence email skipped');
      return;
    }
    const base = ctx.services.publicUrl;
    const unsubscribeUrl = `${base}/api/v1/email/unsubscribe?token=${await issueToken(ctx.db, user, 'unsubscribe', ctx.now())}`;
    const firstName = firstNameOf(user.fullName);
    const mail =
      template === 'welcome' || template === 'caseStudy'
        ? renderEmailTemplate(template, { firstName, appUrl: `${base}/app`, unsubscribeUrl }, user.language)
        : renderEmailTemplate(template, { firstName, connectUrl: `${base}/connect`, unsubscribeUrl }, user.language);
    await sendRendered(ctx.services, user.email, mail);
  },
});
