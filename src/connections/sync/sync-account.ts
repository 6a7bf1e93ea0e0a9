import { and, eq, ne, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Logger } from 'pino';
import { adAccounts, platformConnections, type AdAccountRow } from '../../db/schema/index.js';
import type { AdAccount, DailyMetric, Entity, TokenSet } from '../../platforms/types.js';
import { isPlatformError } from '../../platforms/errors.js';
import { adapterFor } from '../oauth-flow.js';
import type { ConnectionServices } from '../services.js';
import { usableTokens } from '../tokens.js';
import { percentOf, type SyncProgress, emptyProgress } from './progress.js';
import { localDate, slices } from '../../shared/dates.js';
import { metricsWindow } from './ranges.js';
import { upsertEntities, upsertMetrics, upsertPixelQuality } from './write.js';

const ENTITY_BATCH = 1_000;
const METRIC_BATCH = 2_000;
/** Days per checkpoint: an interrupted sync resumes after the last whole slice. */
const SLICE_DAYS = 7;
/** Progress is written at most this often (each write is a round trip). */
const PROGRESS_EVERY_MS = 500;

export interface SyncSettings {
  initialDays: number;
  lookbackDays: number;
}

export const toAdAccount = (a: AdAccountRow): AdAccount => ({
  externalId: a.externalId,
  name: a.name,
  currency: a.currency,
  timeZone: a.timeZone,
  status: a.platformStatus as AdAccount['status'],
  spendLast30dMinor: null,
  managerId: a.managerId,
});

/**
 * One ad account's sync: all entities, then daily ad metrics slice by slice (oldest first,
 * each slice a checkpoint), streamed from the adapter and written in batches so a large
 * account never sits in memory. Platform errors propagate to the job, which decides.
 */
export async function syncAccount(s: ConnectionServices, settings: SyncSettings, ref: { workspaceId: string; adAccountId: string }, log: Logger): Promise<SyncProgress | null> {
  const [account] = await s.db.select().from(adAccounts).where(and(eq(adAccounts.workspaceId, ref.workspaceId), eq(adAccounts.id, ref.adAccountId)));
  if (!account) return null;
  const [conn] = await s.db.select().from(platformConnections).where(and(eq(platformConnections.workspaceId, ref.workspaceId), eq(platformConnections.id, account.connectionId)));
  if (!conn || conn.status === 'needs_reconnect') return null;

  let tokens = await usableTokens(s, conn);
  try {
    return await runSync(s, settings, account, tokens, log);
  } catch (err) {
    // An access token the platform refuses may only need refreshing; if that fails too, the
    // AUTH_EXPIRED that follows is final and the job asks the owner to reconnect.
    if (!(isPlatformError(err) && err.code === 'AUTH_EXPIRED' && tokens.refreshToken)) throw err;
    log.info({ adAccountId: account.id }, 'access token refused; refreshing once and retrying');
    tokens = await usableTokens(s, conn, { force: true });
    return runSync(s, settings, account, tokens, log);
  }
}

async function runSync(s: ConnectionServices, settings: SyncSettings, account: AdAccountRow, tokens: TokenSet, log: Logger): Promise<SyncProgress> {
  const adapter = adapterFor(s, account.platform);
  const progress: SyncProgress = { ...emptyProgress(account.metricsSyncedThrough ? 'incremental' : 'initial'), step: 'entities', startedAt: s.now().toISOString() };
  let lastWrite = 0;
  const save = async (force = false, extra: PgUpdateSetSource<typeof adAccounts> = {}) => {
    const t = Date.now();
    if (!force && t - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = t;
    progress.percent = percentOf(progress);
    await s.db.update(adAccounts).set({ syncProgress: { ...progress }, updatedAt: s.now(), ...extra }).where(eq(adAccounts.id, account.id));
  };
  await save(true, { syncStatus: 'syncing', lastError: null });

  const target = toAdAccount(account);
  let batch: Entity[] = [];
  for await (const e of adapter.entities(tokens, target)) {
    batch.push(e);
    if (e.level === 'campaign') progress.campaigns += 1;
    else if (e.level === 'ad_set') progress.adSets += 1;
    else progress.ads += 1;
    if (batch.length >= ENTITY_BATCH) {
      await upsertEntities(s.db, account, batch, s.now());
      batch = [];
      await save();
    }
  }
  await upsertEntities(s.db, account, batch, s.now());
  // Meta's Event Match Quality per pixel (the other platforms have no such score: []).
  await upsertPixelQuality(s.db, account, await adapter.pixelQuality(tokens, target), s.now());

  const today = localDate(s.now(), account.timeZone);
  const window = metricsWindow({ today, syncedThrough: account.metricsSyncedThrough, ...settings });
  const parts = slices(window, SLICE_DAYS);
  progress.step = 'metrics';
  progress.days.total = parts.reduce((n, p) => n + dayCount(p.since, p.until), 0);
  await save(true);

  for (const part of parts) {
    let rows: DailyMetric[] = [];
    for await (const m of adapter.dailyMetrics(tokens, target, part)) {
      rows.push(m);
      if (rows.length >= METRIC_BATCH) {
        await upsertMetrics(s.db, account, rows, s.now());
        progress.metricRows += rows.length;
        rows = [];
        await save();
      }
    }
    await upsertMetrics(s.db, account, rows, s.now());
    progress.metricRows += rows.length;
    progress.days.done += dayCount(part.since, part.until);
    // The checkpoint never moves back: a lookback re-read must not make the next run start earlier.
    await save(true, { metricsSyncedThrough: sql`greatest(${adAccounts.metricsSyncedThrough}, ${part.until}::date)` });
  }

  progress.step = 'done';
  progress.finishedAt = s.now().toISOString();
  const finishedAt = s.now();
  await save(true, { syncStatus: 'synced', lastSyncedAt: finishedAt, lastError: null });
  await settleConnection(s, account.connectionId, finishedAt, 'synced');
  log.info({ adAccountId: account.id, campaigns: progress.campaigns, ads: progress.ads, metricRows: progress.metricRows }, 'ad account synced');
  return progress;
}

/**
 * Once none of its accounts is still queued or syncing, a connection is active when any of its
 * accounts synced, and failed when all of them failed (never left "syncing").
 */
export async function settleConnection(s: Pick<ConnectionServices, 'db'>, connectionId: string, at: Date, outcome: 'synced' | 'failed'): Promise<void> {
  const states = await s.db.select({ status: adAccounts.syncStatus }).from(adAccounts).where(eq(adAccounts.connectionId, connectionId));
  const pending = states.some((a) => a.status === 'queued' || a.status === 'syncing');
  const status = pending ? null : states.some((a) => a.status === 'synced') ? ('active' as const) : ('failed' as const);
  await s.db
    .update(platformConnections)
    .set({ updatedAt: at, ...(outcome === 'synced' ? { lastSyncedAt: at, failureCount: 0, lastError: null } : {}), ...(status ? { status } : {}) })
    .where(and(eq(platformConnections.id, connectionId), ne(platformConnections.status, 'needs_reconnect')));
}

function dayCount(since: string, until: string): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / 86_400_000) + 1;
}
