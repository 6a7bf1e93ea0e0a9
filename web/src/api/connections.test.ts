import { describe, expect, it } from 'vitest';
import { parseConnectionsStatus, parseProgress } from './connections';

const raw = (progress: unknown) => ({
  platforms: [
    {
      platform: 'meta',
      state: 'syncing',
      mode: 'sandbox',
      scopes: ['ads_read'],
      lastSyncedAt: null,
      lastError: null,
      tokenExpiresAt: '2027-01-10T00:00:00.000Z',
      accounts: [{ id: 'adacc_1', externalId: '123', name: 'Midas', currency: 'SAR', timeZone: 'Asia/Riyadh', syncStatus: 'syncing', progress, lastSyncedAt: null, lastError: null }],
      percent: 40,
    },
  ],
});

describe('parseProgress', () => {
  it('reads a full progress as is', () => {
    const p = { kind: 'initial', step: 'metrics', percent: 40, campaigns: 3, adSets: 6, ads: 12, metricRows: 90, days: { done: 7, total: 30 }, startedAt: '2026-11-12T10:00:00Z', finishedAt: null, waitingUntil: null, error: null };
    expect(parseProgress(p)).toEqual(p);
  });

  it('reads the empty progress of an account that has not started as "queued, nothing yet"', () => {
    expect(parseProgress({})).toMatchObject({ step: 'queued', percent: 0, campaigns: 0, days: { done: 0, total: 0 }, waitingUntil: null });
    expect(parseProgress(null)).toMatchObject({ step: 'queued' });
  });

  it('lets one odd field fall back without losing the others', () => {
    expect(parseProgress({ step: 'teleporting', campaigns: -1, percent: 55, days: 'soon' })).toMatchObject({ step: 'queued', campaigns: 0, percent: 55, days: { done: 0, total: 0 } });
  });
});

describe('parseConnectionsStatus', () => {
  it('checks the envelope with the route schema and reads each progress', () => {
    const status = parseConnectionsStatus(raw({ step: 'entities', campaigns: 2 }));
    expect(status.platforms[0]?.accounts[0]?.progress).toMatchObject({ step: 'entities', campaigns: 2, ads: 0 });
  });

  it('refuses an answer that is not the contract', () => {
    expect(() => parseConnectionsStatus({ platforms: [{ platform: 'myspace' }] })).toThrow();
  });
});
