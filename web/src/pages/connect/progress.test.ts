import { describe, expect, it } from 'vitest';
import { accountPercent, accountProblems, overallPercent, phaseOf, progressSteps, type ProgressStep } from './progress';
import { account, platform } from './test-fixtures';

const statuses = (steps: ProgressStep[]) => Object.fromEntries(steps.map((s) => [s.id, s.status]));

describe('progressSteps', () => {
  it('right after "Connect selected accounts": connected and found, the rest waiting', () => {
    const steps = progressSteps(platform({ accounts: [account(), account()] }));
    expect(statuses(steps)).toEqual({ connected: 'done', accounts: 'done', campaigns: 'pending', metrics: 'pending' });
    expect(steps[1]).toMatchObject({ count: 2 });
    expect(steps[3]).toMatchObject({ window: 30, done: 0, total: 30 });
  });

  it.each([
    {
      name: 'one account reading entities',
      accounts: [account({ syncStatus: 'syncing', progress: { step: 'entities', campaigns: 5 } }), account()],
      expected: { connected: 'done', accounts: 'done', campaigns: 'active', metrics: 'pending' },
    },
    {
      name: 'one in metrics, one still on entities',
      accounts: [account({ syncStatus: 'syncing', progress: { step: 'metrics', campaigns: 7, days: { done: 7, total: 30 } } }), account({ syncStatus: 'syncing', progress: { step: 'entities', campaigns: 5 } })],
      expected: { connected: 'done', accounts: 'done', campaigns: 'active', metrics: 'active' },
    },
    {
      name: 'both in metrics',
      accounts: [account({ syncStatus: 'syncing', progress: { step: 'metrics', days: { done: 14, total: 30 } } }), account({ syncStatus: 'syncing', progress: { step: 'metrics', days: { done: 0, total: 30 } } })],
      expected: { connected: 'done', accounts: 'done', campaigns: 'done', metrics: 'active' },
    },
    {
      name: 'all synced',
      accounts: [account({ syncStatus: 'synced', progress: { step: 'done', days: { done: 30, total: 30 } } }), account({ syncStatus: 'synced', progress: { step: 'done' } })],
      expected: { connected: 'done', accounts: 'done', campaigns: 'done', metrics: 'done' },
    },
    {
      name: 'one synced, one failed: the failure is listed apart and does not hold the steps back',
      accounts: [account({ syncStatus: 'synced', progress: { step: 'done' } }), account({ syncStatus: 'failed', progress: { step: 'failed', error: 'boom' } })],
      expected: { connected: 'done', accounts: 'done', campaigns: 'done', metrics: 'done' },
    },
    {
      name: 'no accounts yet (the selection is on its way)',
      accounts: [],
      expected: { connected: 'done', accounts: 'active', campaigns: 'pending', metrics: 'pending' },
    },
  ])('$name', ({ accounts, expected }) => {
    expect(statuses(progressSteps(platform({ accounts })))).toEqual(expected);
  });

  it('sums campaigns over all accounts; days are the working accounts\' mean over the longest window', () => {
    const steps = progressSteps(
      platform({
        accounts: [
          account({ syncStatus: 'syncing', progress: { step: 'metrics', campaigns: 12, days: { done: 14, total: 30 } } }),
          account({ syncStatus: 'synced', progress: { step: 'done', campaigns: 3, days: { done: 30, total: 30 } } }),
          account({ syncStatus: 'failed', progress: { step: 'failed', campaigns: 2, days: { done: 7, total: 30 } } }),
        ],
      }),
    );
    expect(steps.find((s) => s.id === 'campaigns')).toMatchObject({ count: 17 });
    // (14 + 30) / 2 = 22 of 30; the failed account's 7 days do not count.
    expect(steps.find((s) => s.id === 'metrics')).toMatchObject({ window: 30, done: 22, total: 30 });
  });

  it('an account still on its entities counts as no days read yet', () => {
    const steps = progressSteps(
      platform({
        accounts: [
          account({ syncStatus: 'syncing', progress: { step: 'metrics', days: { done: 21, total: 30 } } }),
          account({ syncStatus: 'syncing', progress: { step: 'entities' } }),
        ],
      }),
    );
    expect(steps.find((s) => s.id === 'metrics')).toMatchObject({ status: 'active', done: 10, total: 30 });
  });

  it('a finished sync reads the whole window', () => {
    const steps = progressSteps(platform({ accounts: [account({ syncStatus: 'synced', progress: { step: 'done', days: { done: 0, total: 0 } } })] }));
    expect(steps.find((s) => s.id === 'metrics')).toMatchObject({ status: 'done', done: 30, total: 30 });
  });

  it('an incremental sync shows its own (shorter) window', () => {
    const steps = progressSteps(platform({ accounts: [account({ syncStatus: 'syncing', progress: { kind: 'incremental', step: 'metrics', days: { done: 1, total: 3 } } })] }));
    expect(steps.find((s) => s.id === 'metrics')).toMatchObject({ window: 3, done: 1, total: 3 });
  });

  it('a platform without a grant has nothing done', () => {
    expect(statuses(progressSteps(platform({ state: 'not_connected' })))).toEqual({ connected: 'pending', accounts: 'pending', campaigns: 'pending', metrics: 'pending' });
  });
});

describe('percent', () => {
  it.each([
    { name: 'no accounts', accounts: [], expected: 0 },
    { name: 'queued', accounts: [account()], expected: 0 },
    { name: 'halfway and done', accounts: [account({ syncStatus: 'syncing', progress: { step: 'metrics', percent: 50 } }), account({ syncStatus: 'synced', progress: { step: 'done', percent: 100 } })], expected: 75 },
    { name: 'synced counts 100 even if its stored percent lags', accounts: [account({ syncStatus: 'synced', progress: { percent: 99 } })], expected: 100 },
    { name: 'failed accounts are left out', accounts: [account({ syncStatus: 'synced' }), account({ syncStatus: 'failed', progress: { step: 'failed', percent: 10 } })], expected: 100 },
    { name: 'everything failed', accounts: [account({ syncStatus: 'failed', progress: { percent: 40 } })], expected: 0 },
  ])('$name → $expected', ({ accounts, expected }) => {
    expect(overallPercent(platform({ accounts }))).toBe(expected);
  });

  it('clamps and rounds one account', () => {
    expect(accountPercent(account({ syncStatus: 'syncing', progress: { percent: 33.6 } }))).toBe(34);
    expect(accountPercent(account({ syncStatus: 'syncing', progress: { percent: 180 } }))).toBe(100);
  });
});

describe('phaseOf', () => {
  it.each([
    { name: 'nothing yet', state: 'syncing', accounts: [], expected: 'waiting' },
    { name: 'nothing to follow', state: 'not_connected', accounts: [], expected: 'idle' },
    { name: 'still choosing accounts', state: 'selecting', accounts: [], expected: 'idle' },
    { name: 'running', state: 'syncing', accounts: [account({ syncStatus: 'synced' }), account({ syncStatus: 'syncing' })], expected: 'running' },
    { name: 'a retry after a failure keeps it running', state: 'syncing', accounts: [account({ syncStatus: 'syncing', progress: { error: 'rate limited' } })], expected: 'running' },
    { name: 'all synced', state: 'connected', accounts: [account({ syncStatus: 'synced' }), account({ syncStatus: 'synced' })], expected: 'done' },
    // The server can leave the connection "syncing" after the last account failed; the accounts tell.
    { name: 'finished with a failure', state: 'syncing', accounts: [account({ syncStatus: 'synced' }), account({ syncStatus: 'failed' })], expected: 'partial' },
    { name: 'token gone', state: 'needs_reconnect', accounts: [account({ syncStatus: 'needs_reconnect' })], expected: 'reconnect' },
  ] as const)('$name → $expected', ({ state, accounts, expected }) => {
    expect(phaseOf(platform({ state, accounts: [...accounts] }))).toBe(expected);
  });
});

describe('accountProblems', () => {
  const now = new Date('2026-11-12T10:00:00Z');

  it('lists failures and retries with their error; a wait still ahead is kept, one passed is dropped', () => {
    const failedOne = account({ name: 'Midas Home', syncStatus: 'failed', lastError: 'Invalid parameter', progress: { step: 'failed', error: 'Invalid parameter' } });
    const waiting = account({ name: 'Midas Furniture', syncStatus: 'syncing', progress: { step: 'metrics', error: 'User request limit reached', waitingUntil: '2026-11-12T10:05:00Z' } });
    const waited = account({ syncStatus: 'syncing', progress: { step: 'metrics', error: 'Throttled', waitingUntil: '2026-11-12T09:59:00Z' } });
    const fine = account({ syncStatus: 'synced', progress: { step: 'done' } });
    const list = accountProblems(platform({ accounts: [failedOne, waiting, waited, fine] }), now);
    expect(list).toEqual([
      { id: failedOne.id, name: 'Midas Home', error: 'Invalid parameter', waitingUntil: null, final: true },
      { id: waiting.id, name: 'Midas Furniture', error: 'User request limit reached', waitingUntil: '2026-11-12T10:05:00Z', final: false },
      { id: waited.id, name: waited.name, error: 'Throttled', waitingUntil: null, final: false },
    ]);
  });

  it('is empty when everything is fine', () => {
    expect(accountProblems(platform({ accounts: [account({ syncStatus: 'syncing' }), account({ syncStatus: 'synced' })] }), now)).toEqual([]);
  });
});
