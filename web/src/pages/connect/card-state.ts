import type { PlatformState, PlatformStatus } from '../../api/connections';

export type ChipTone = 'off' | 'idle' | 'busy' | 'ok' | 'warn' | 'bad';

/** The status chip: its words are `account.connect.status.<state>`, its colour the tone. */
export const CHIP_TONES: Record<PlatformState, ChipTone> = {
  not_configured: 'off',
  not_connected: 'idle',
  selecting: 'warn',
  syncing: 'busy',
  connected: 'ok',
  needs_reconnect: 'bad',
  failed: 'bad',
};

/** The card's main action: leave for the platform, finish choosing accounts, or follow the sync. */
export type MainAction = 'connect' | 'reconnect' | 'choose' | 'progress' | null;

export type Role = 'owner' | 'admin' | 'member' | 'viewer';

const MAIN_ACTIONS: Record<PlatformState, MainAction> = {
  not_configured: null,
  not_connected: 'connect',
  selecting: 'choose',
  syncing: 'progress',
  connected: null,
  needs_reconnect: 'reconnect',
  failed: 'reconnect',
};

export interface CardActions {
  main: MainAction;
  syncNow: boolean;
  disconnect: boolean;
}

/**
 * What a person may do with a platform in its state. The server has the last word (viewers
 * cannot connect or sync, only owners and admins disconnect); this only hides what it would refuse.
 */
export function cardActions(p: Pick<PlatformStatus, 'state' | 'accounts'>, role: Role): CardActions {
  const canConnect = role !== 'viewer';
  const hasGrant = p.state !== 'not_configured' && p.state !== 'not_connected';
  const main: MainAction = canConnect ? MAIN_ACTIONS[p.state] : p.state === 'syncing' ? 'progress' : null;
  return {
    main,
    syncNow: canConnect && (p.state === 'connected' || p.state === 'failed') && p.accounts.length > 0,
    disconnect: hasGrant && (role === 'owner' || role === 'admin'),
  };
}

/** Whether anything on the page is still moving, so the page keeps asking the server. */
export function isRunning(p: Pick<PlatformStatus, 'state' | 'accounts'>): boolean {
  if (p.accounts.some((a) => a.syncStatus === 'queued' || a.syncStatus === 'syncing')) return true;
  // Between "Connect selected accounts" and the accounts' rows the platform alone says it.
  return p.state === 'syncing' && p.accounts.length === 0;
}

export function anyRunning(platforms: ReadonlyArray<Pick<PlatformStatus, 'state' | 'accounts'>>): boolean {
  return platforms.some(isRunning);
}
