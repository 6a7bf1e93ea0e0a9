import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { platformConnections, users } from '../db/schema/index.js';
import { defineJob } from '../jobs/define.js';
import { sendRendered } from '../email/send-rendered.js';
import { firstNameOf, renderEmailTemplate } from '../email/templates/index.js';
import { platformNames } from './platform-names.js';

/** Tells the workspace's owners and admins that a platform stopped accepting its token. */
export const reconnectEmailJob = defineJob({
  name: 'connections.reconnect-email',
  payload: z.object({ workspaceId: z.string(), connectionId: z.string() }),
  retry: { limit: 6, delaySeconds: 60, backoff: true },
  expireInSeconds: 120,
  async handler({ workspaceId, connectionId }, ctx) {
    const [conn] = await ctx.db
      .select()
      .from(platformConnections)
      .where(and(eq(platformConnections.workspaceId, workspaceId), eq(platformConnections.id, connectionId)));
    // Reconnected (or removed) before the mail went out: nothing to say.
    if (!conn || conn.status !== 'needs_reconnect') return;
    const people = await ctx.db
      .select()
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), inArray(users.role, ['owner', 'admin']), eq(users.status, 'verified')));
    for (const user of people) {
      const mail = renderEmailTemplate(
        'reconnectNeeded',
        {
          firstName: firstNameOf(user.fullName),
          platformName: platformNames[conn.platform],
          connectUrl: `${ctx.services.publicUrl}/connect?reconnect=${conn.platform}`,
          reason: conn.lastError ?? 'the access token is no longer valid',
        },
        user.language,
      );
      await sendRendered(ctx.services, user.email, mail);
    }
  },
});
