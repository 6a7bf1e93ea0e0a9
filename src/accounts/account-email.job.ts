import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../db/schema/index.js';
import { defineJob } from '../jobs/define.js';
import { sendRendered } from '../email/send-rendered.js';
import { firstNameOf, renderEmailTemplate, type RenderedEmail } from '../email/templates/index.js';
import { issueToken } from './tokens.js';
import { TOKEN_TTL_MS } from './token-rules.js';

export const accountEmailKinds = ['verification', 'alreadyRegistered', 'passwordReset'] as const;
export type AccountEmailKind = (typeof accountEmailKinds)[number];

/**
 * Account email (verify, "you already have an account", reset). The job holds no secret:
 * the token is minted when the mail is built, and the user's state is read again at that
 * moment, so a verification queued before the user verified is simply dropped.
 */
export const accountEmailJob = defineJob({
  name: 'accounts.email',
  payload: z.object({ workspaceId: z.string(), userId: z.string(), kind: z.enum(accountEmailKinds) }),
  retry: { limit: 6, delaySeconds: 30, backoff: true },
  expireInSeconds: 120,
  async handler({ workspaceId, userId, kind }, ctx) {
    const [user] = await ctx.db
      .select()
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
    if (!user || user.status === 'disabled') return;
    const now = ctx.now();
    const base = ctx.services.publicUrl;
    const firstName = firstNameOf(user.fullName);
    let mail: RenderedEmail;
    if (kind === 'verification') {
      if (user.status !== 'pending_verification') {
        ctx.log.info('already verified; verification email dropped');
        return;
      }
      const token = await issueToken(ctx.db, user, 'verify_email', now);
      mail = renderEmailTemplate(
        'verification',
        { firstName, verifyUrl: `${base}/api/v1/auth/verify?token=${token}`, expiresInHours: TOKEN_TTL_MS.verify_email / 3_600_000 },
        user.language,
      );
    } else if (kind === 'alreadyRegistered') {
      mail = renderEmailTemplate('alreadyRegistered', { firstName, loginUrl: `${base}/login`, resetUrl: `${base}/forgot-password` }, user.language);
    } else {
      const token = await issueToken(ctx.db, user, 'reset_password', now);
      mail = renderEmailTemplate(
        'passwordReset',
        { firstName, resetUrl: `${base}/reset-password?token=${token}`, expiresInMinutes: TOKEN_TTL_MS.reset_password / 60_000 },
        user.language,
      );
    }
    await sendRendered(ctx.services, user.email, mail);
  },
});
