/** What the connect page shows while an account syncs (stored on the ad account row). */
export type SyncProgress = {
  kind: 'initial' | 'incremental';
  step: 'queued' | 'entities' | 'metrics' | 'done' | 'failed' | 'needs_reconnect';
  percent: number;
  campaigns: number;
  adSets: number;
  ads: number;
  metricRows: number;
  days: { done: number; total: number };
  startedAt: string | null;
  finishedAt: string | null;
  /** The platform asked us to slow down; the next attempt is after this. */
  waitingUntil: string | null;
  error: string | null;
};

export const emptyProgress = (kind: SyncProgress['kind']): SyncProgress => ({
  kind,
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
});

/**
 * Entities are a quarter of the work, metrics the rest by days read. Entities have no known
 * total before the last page, so their share creeps towards 25% instead of jumping.
 */
export function percentOf(p: SyncProgress): number {
  if (p.step === 'done') return 100;
  if (p.step === 'queued') return 0;
  const entityCount = p.campaigns + p.adSets + p.ads;
  const entities = p.step === 'entities' ? 25 * (entityCount / (entityCount + 200)) : 25;
  const metrics = p.days.total > 0 ? 73 * (p.days.done / p.days.total) : 0;
  return Math.min(99, Math.round(2 + entities + metrics));
}
