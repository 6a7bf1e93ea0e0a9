import { and, asc, eq } from 'drizzle-orm';
import { adAccounts, platformConnections } from '../db/schema/index.js';
import { platformIds, type PlatformId } from '../platforms/types.js';
import type { ConnectionServices } from './services.js';
import type { SyncProgress } from './sync/progress.js';

export type PlatformState = 'not_configured' | 'not_connected' | 'selecting' | 'syncing' | 'connected' | 'needs_reconnect' | 'failed';

export interface PlatformStatusView {
  platform: PlatformId;
  state: PlatformState;
  mode: 'real' | 'sandbox' | null;
  scopes: string[];
  lastSyncedAt: string | null;
  lastError: string | null;
  tokenExpiresAt: string | null;
  accounts: Array<{
    id: string;
    externalId: string;
    name: string;
    currency: string;
    timeZone: string;
    syncStatus: string;
    progress: SyncProgress | Record<string, never>;
    lastSyncedAt: string | null;
    lastError: string | null;
  }>;
  /** 0–100 over the accounts syncing now (null when none is). */
  percent: number | null;
}

const stateOf = (status: string | undefined): PlatformState =>
  status === undefined ? 'not_connected' : status === 'active' ? 'connected' : (status as PlatformState);

/** The connect page's view: each platform's state, its accounts and their sync progress. */
export async function connectionStatus(s: Pick<ConnectionServices, 'db' | 'platforms'>, workspaceId: string): Promise<PlatformStatusView[]> {
  const conns = await s.db.select().from(platformConnections).where(eq(platformConnections.workspaceId, workspaceId));
  const accounts = await s.db.select().from(adAccounts).where(and(eq(adAccounts.workspaceId, workspaceId))).orderBy(asc(adAccounts.name));
  return platformIds.map((platform) => {
    const entry = s.platforms.get(platform);
    const conn = conns.find((c) => c.platform === platform);
    const mine = conn ? accounts.filter((a) => a.connectionId === conn.id) : [];
    const running = mine.filter((a) => a.syncStatus === 'queued' || a.syncStatus === 'syncing');
    const percent = running.length ? Math.round(running.reduce((n, a) => n + Number((a.syncProgress as Partial<SyncProgress>).percent ?? 0), 0) / running.length) : null;
    return {
      platform,
      state: entry ? stateOf(conn?.status) : 'not_configured',
      mode: entry?.mode ?? null,
      scopes: [...(entry?.adapter.scopes ?? [])],
      lastSyncedAt: conn?.lastSyncedAt?.toISOString() ?? null,
      lastError: conn?.lastError ?? null,
      tokenExpiresAt: conn?.tokenExpiresAt?.toISOString() ?? null,
      accounts: mine.map((a) => ({
        id: a.id,
        externalId: a.externalId,
        name: a.name,
        currency: a.currency,
        timeZone: a.timeZone,
        syncStatus: a.syncStatus,
        progress: a.syncProgress as SyncProgress,
        lastSyncedAt: a.lastSyncedAt?.toISOString() ?? null,
        lastError: a.lastError,
      })),
      percent,
    };
  });
}
