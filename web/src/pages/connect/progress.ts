import type { ConnectedAccount, PlatformStatus } from '../../api/connections';

export type StepStatus = 'done' | 'active' | 'pending';

/** The mock-up's four lines: connected, accounts found, campaigns imported, days of data. */
export type ProgressStep =
  | { id: 'connected'; status: StepStatus }
  | { id: 'accounts'; status: StepStatus; count: number }
  | { id: 'campaigns'; status: StepStatus; count: number }
  | { id: 'metrics'; status: StepStatus; window: number; done: number; total: number };

/**
 * The whole sync: about to start, running, finished well, finished with failures, stopped for
 * a reconnect, or nothing to follow (an old link to a platform with no accounts).
 */
export type Phase = 'waiting' | 'running' | 'done' | 'partial' | 'reconnect' | 'idle';

/** The initial sync reads this many days unless the server says otherwise. */
export const DEFAULT_WINDOW_DAYS = 30;

const FINISHED = new Set(['synced', 'failed', 'needs_reconnect']);
const failed = (a: ConnectedAccount) => a.syncStatus === 'failed' || a.syncStatus === 'needs_reconnect' || a.progress.step === 'failed';

/** Accounts still (or successfully) syncing: failures are listed apart and stop counting. */
function working(accounts: readonly ConnectedAccount[]): ConnectedAccount[] {
  return accounts.filter((a) => !failed(a));
}

/** How far one account is, 0–100: finished is 100 whatever its last progress said. */
export function accountPercent(a: ConnectedAccount): number {
  if (a.syncStatus === 'synced') return 100;
  return Math.max(0, Math.min(100, Math.round(a.progress.percent)));
}

/** The bar: the mean over the accounts that are not failing (0 before there are any). */
export function overallPercent(p: Pick<PlatformStatus, 'accounts'>): number {
  const list = working(p.accounts);
  if (list.length === 0) return 0;
  return Math.round(list.reduce((n, a) => n + accountPercent(a), 0) / list.length);
}

export function phaseOf(p: Pick<PlatformStatus, 'state' | 'accounts'>): Phase {
  if (p.state === 'needs_reconnect') return 'reconnect';
  if (p.accounts.length === 0) return p.state === 'syncing' ? 'waiting' : 'idle';
  if (!p.accounts.every((a) => FINISHED.has(a.syncStatus))) return 'running';
  return p.accounts.some(failed) ? 'partial' : 'done';
}

function stepOf(done: boolean, started: boolean): StepStatus {
  return done ? 'done' : started ? 'active' : 'pending';
}

/**
 * The steps as the mock-up shows them. Campaigns are done once every working account has
 * moved on to its metrics. The window is the longest account's (30 days on a first sync, the
 * lookback on a later one); the days read are the accounts' mean, so two accounts halfway
 * through read "15/30 days", not "30/60".
 */
export function progressSteps(p: Pick<PlatformStatus, 'state' | 'accounts'>): ProgressStep[] {
  const hasGrant = p.state !== 'not_connected' && p.state !== 'not_configured';
  const list = working(p.accounts);
  const at = (a: ConnectedAccount) => (a.syncStatus === 'synced' ? 'done' : a.progress.step);
  const entitiesDone = list.length > 0 && list.every((a) => at(a) === 'metrics' || at(a) === 'done');
  const entitiesStarted = list.some((a) => at(a) !== 'queued');
  const metricsDone = list.length > 0 && list.every((a) => at(a) === 'done');
  const metricsStarted = list.some((a) => at(a) === 'metrics' || at(a) === 'done');
  const campaigns = p.accounts.reduce((n, a) => n + a.progress.campaigns, 0);
  const window = list.reduce((n, a) => Math.max(n, a.progress.days.total), 0) || DEFAULT_WINDOW_DAYS;
  // Days of the window read, on average over the accounts: "12/30 days" whatever their number.
  const daysRead = list.reduce((n, a) => n + (a.syncStatus === 'synced' ? window : Math.min(a.progress.days.done, a.progress.days.total)), 0);
  const done = list.length > 0 ? Math.min(window, Math.floor(daysRead / list.length)) : 0;
  return [
    { id: 'connected', status: hasGrant ? 'done' : 'pending' },
    { id: 'accounts', status: p.accounts.length > 0 ? 'done' : hasGrant ? 'active' : 'pending', count: p.accounts.length },
    { id: 'campaigns', status: stepOf(entitiesDone, entitiesStarted), count: campaigns },
    { id: 'metrics', status: stepOf(metricsDone, metricsStarted), window, done: metricsDone ? window : done, total: window },
  ];
}

export interface AccountProblem {
  id: string;
  name: string;
  error: string | null;
  /** The platform asked to slow down; the next attempt is after this (ISO time). */
  waitingUntil: string | null;
  final: boolean;
}

/** Accounts that failed, or are waiting out a rate limit or a retry, with what the server said. */
export function accountProblems(p: Pick<PlatformStatus, 'accounts'>, now: Date): AccountProblem[] {
  return p.accounts
    .filter((a) => failed(a) || (a.syncStatus !== 'synced' && (a.progress.error !== null || a.lastError !== null)))
    .map((a) => {
      const waiting = a.progress.waitingUntil && Date.parse(a.progress.waitingUntil) > now.getTime() ? a.progress.waitingUntil : null;
      return { id: a.id, name: a.name, error: a.progress.error ?? a.lastError, waitingUntil: waiting, final: failed(a) };
    });
}
