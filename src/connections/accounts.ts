import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { availableAccountSchema } from './routes.schema.js';
import { newId } from '../db/ids.js';
import { adAccounts, platformConnections } from '../db/schema/index.js';
import { withTransaction } from '../db/tx.js';
import { AppError } from '../errors.js';
import type { JobQueue } from '../jobs/queue.js';
import type { AdAccount, PlatformId } from '../platforms/types.js';
import type { Connector } from './oauth-flow.js';
import type { ConnectionServices } from './services.js';
import { emptyProgress } from './sync/progress.js';
import { syncJobs } from './sync/sync.job.js';

const availableSchema = z.array(availableAccountSchema.omit({ connected: true }));

async function connectionOf(s: Pick<ConnectionServices, 'db'>, workspaceId: string, platform: PlatformId) {
  const [conn] = await s.db
    .select()
    .from(platformConnections)
    .where(and(eq(platformConnections.workspaceId, workspaceId), eq(platformConnections.platform, platform)));
  if (!conn) throw new AppError('NOT_FOUND', `No ${platform} connection in this workspace`);
  return conn;
}

/** The accounts the last grant reached, for the selection step, with which are already connected. */
export async function availableAccounts(s: Pick<ConnectionServices, 'db'>, workspaceId: string, platform: PlatformId): Promise<Array<AdAccount & { connected: boolean }>> {
  const conn = await connectionOf(s, workspaceId, platform);
  const listed = availableSchema.parse(conn.availableAccounts);
  const existing = await s.db
    .select({ externalId: adAccounts.externalId })
    .from(adAccounts)
    .where(and(eq(adAccounts.workspaceId, workspaceId), eq(adAccounts.connectionId, conn.id)));
  const have = new Set(existing.map((r) => r.externalId));
  return listed.map((a) => ({ ...a, connected: have.has(a.externalId) }));
}

/**
 * "Connect selected accounts": stores each chosen account and queues its first sync, in one
 * transaction, so a chosen account is never left without a sync on its way. Choosing an
 * account again keeps its data; the sync resumes where it stopped.
 */
export async function selectAccounts(
  s: Pick<ConnectionServices, 'db' | 'now'> & { queue: JobQueue },
  user: Connector,
  platform: PlatformId,
  externalIds: readonly string[],
): Promise<{ queued: number }> {
  if (user.role === 'viewer') throw new AppError('FORBIDDEN', 'Viewers cannot connect ad accounts');
  const conn = await connectionOf(s, user.workspaceId, platform);
  if (conn.status === 'needs_reconnect') throw new AppError('CONFLICT', `Reconnect ${platform} first: its token no longer works`);
  const listed = availableSchema.parse(conn.availableAccounts);
  const byId = new Map(listed.map((a) => [a.externalId, a]));
  const unknown = externalIds.filter((id) => !byId.has(id));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', 'These accounts are not reachable with this connection', unknown.map((id) => ({ in: 'body', path: 'account_ids', message: `unknown account ${id}` })));
  const now = s.now();
  return withTransaction(s.db, async (tx) => {
    const rows = [...new Set(externalIds)].map((id) => {
      const a = byId.get(id)!;
      return {
        id: newId('adAccount'),
        workspaceId: user.workspaceId,
        connectionId: conn.id,
        platform,
        externalId: a.externalId,
        name: a.name,
        currency: a.currency,
        timeZone: a.timeZone,
        platformStatus: a.status,
        managerId: a.managerId,
        syncStatus: 'queued' as const,
        syncProgress: emptyProgress('initial'),
        updatedAt: now,
      };
    });
    const saved = await tx
      .insert(adAccounts)
      .values(rows)
      .onConflictDoUpdate({
        target: [adAccounts.workspaceId, adAccounts.platform, adAccounts.externalId],
        set: {
          connectionId: sql`excluded.connection_id`,
          name: sql`excluded.name`,
          currency: sql`excluded.currency`,
          timeZone: sql`excluded.time_zone`,
          platformStatus: sql`excluded.platform_status`,
          managerId: sql`excluded.manager_id`,
          syncStatus: 'queued',
          lastError: null,
          updatedAt: now,
        },
      })
      .returning({ id: adAccounts.id });
    await tx.update(platformConnections).set({ status: 'syncing', updatedAt: now }).where(eq(platformConnections.id, conn.id));
    await s.queue.enqueueMany(
      syncJobs[platform],
      saved.map((r) => ({ workspaceId: user.workspaceId, adAccountId: r.id, connectionId: conn.id })),
      { tx },
    );
    return { queued: saved.length };
  });
}

/** Queues a sync now for every account of the connection (the "Sync now" button). */
export async function syncNow(s: Pick<ConnectionServices, 'db'> & { queue: JobQueue }, user: Connector, platform: PlatformId): Promise<{ queued: number }> {
  if (user.role === 'viewer') throw new AppError('FORBIDDEN', 'Viewers cannot start a sync');
  const conn = await connectionOf(s, user.workspaceId, platform);
  if (conn.status === 'needs_reconnect') throw new AppError('CONFLICT', `Reconnect ${platform} first: its token no longer works`);
  // Marked queued at once, so the page shows the sync coming rather than a finished one.
  const rows = await s.db
    .update(adAccounts)
    .set({ syncStatus: 'queued', lastError: null })
    .where(and(eq(adAccounts.workspaceId, user.workspaceId), eq(adAccounts.connectionId, conn.id), ne(adAccounts.syncStatus, 'syncing')))
    .returning({ id: adAccounts.id });
  await s.queue.enqueueMany(syncJobs[platform], rows.map((r) => ({ workspaceId: user.workspaceId, adAccountId: r.id, connectionId: conn.id })));
  return { queued: rows.length };
}

/** Removes the connection: its sealed tokens, its accounts and everything synced from them. */
export async function disconnect(s: Pick<ConnectionServices, 'db'>, user: Connector, platform: PlatformId): Promise<void> {
  if (user.role !== 'owner' && user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only owners and admins can disconnect a platform');
  const deleted = await s.db
    .delete(platformConnections)
    .where(and(eq(platformConnections.workspaceId, user.workspaceId), eq(platformConnections.platform, platform)))
    .returning({ id: platformConnections.id });
  if (deleted.length === 0) throw new AppError('NOT_FOUND', `No ${platform} connection in this workspace`);
}

