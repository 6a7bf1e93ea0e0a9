import type { ConnectedAccount, PlatformStatus, SyncProgress } from '../../api/connections';

/** Builders for the table tests: a sync progress, an account, a platform (only what differs). */
export function progress(p: Partial<SyncProgress> = {}): SyncProgress {
  return {
    kind: 'initial',
    step: 'queued',
    percent: 0,
    campaigns: 0,
    adSets: 0,
    ads: 0,
    metricRows: 0,
    days: { done: 0, total: 0 },
    startedAt: null,
    finishedAt: null,
    waitingUntil: null,
    error: null,
    ...p,
  };
}

let n = 0;
export function account(a: Partial<Omit<ConnectedAccount, 'progress'>> & { progress?: Partial<SyncProgress> } = {}): ConnectedAccount {
  n += 1;
  const { progress: p, ...rest } = a;
  return {
    id: `adacc_${String(n)}`,
    externalId: String(100000 + n),
    name: `Account ${String(n)}`,
    currency: 'SAR',
    timeZone: 'Asia/Riyadh',
    syncStatus: 'queued',
    lastSyncedAt: null,
    lastError: null,
    ...rest,
    progress: progress(p),
  };
}

export function platform(p: Partial<PlatformStatus> = {}): PlatformStatus {
  return {
    platform: 'meta',
    state: 'syncing',
    mode: 'sandbox',
    scopes: ['ads_management', 'ads_read', 'business_management'],
    lastSyncedAt: null,
    lastError: null,
    tokenExpiresAt: null,
    accounts: [],
    percent: null,
    ...p,
  };
}
