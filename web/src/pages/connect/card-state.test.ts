import { describe, expect, it } from 'vitest';
import type { PlatformState } from '../../api/connections';
import { CHIP_TONES, anyRunning, cardActions, isRunning, type Role } from './card-state';
import { account, platform } from './test-fixtures';

const synced = [account({ syncStatus: 'synced' })];

describe('cardActions', () => {
  it.each<[PlatformState, Role, boolean, { main: string | null; syncNow: boolean; disconnect: boolean }]>([
    ['not_configured', 'owner', false, { main: null, syncNow: false, disconnect: false }],
    ['not_connected', 'owner', false, { main: 'connect', syncNow: false, disconnect: false }],
    ['not_connected', 'member', false, { main: 'connect', syncNow: false, disconnect: false }],
    ['not_connected', 'viewer', false, { main: null, syncNow: false, disconnect: false }],
    ['selecting', 'owner', false, { main: 'choose', syncNow: false, disconnect: true }],
    ['syncing', 'owner', true, { main: 'progress', syncNow: false, disconnect: true }],
    ['syncing', 'viewer', true, { main: 'progress', syncNow: false, disconnect: false }],
    ['connected', 'owner', true, { main: null, syncNow: true, disconnect: true }],
    ['connected', 'admin', true, { main: null, syncNow: true, disconnect: true }],
    // Members may sync; only owners and admins may disconnect (the server's rule).
    ['connected', 'member', true, { main: null, syncNow: true, disconnect: false }],
    ['connected', 'viewer', true, { main: null, syncNow: false, disconnect: false }],
    ['connected', 'owner', false, { main: null, syncNow: false, disconnect: true }],
    ['needs_reconnect', 'owner', true, { main: 'reconnect', syncNow: false, disconnect: true }],
    ['failed', 'admin', true, { main: 'reconnect', syncNow: true, disconnect: true }],
  ])('%s as %s (accounts: %s)', (state, role, hasAccounts, expected) => {
    expect(cardActions(platform({ state, accounts: hasAccounts ? synced : [] }), role)).toEqual(expected);
  });
});

describe('chip tones', () => {
  it('give every state a tone, trouble in red, success in green', () => {
    expect(CHIP_TONES).toMatchObject({ connected: 'ok', needs_reconnect: 'bad', failed: 'bad', syncing: 'busy', not_configured: 'off' });
  });
});

describe('isRunning', () => {
  it.each([
    { name: 'an account queued', state: 'syncing', accounts: [account({ syncStatus: 'queued' })], expected: true },
    { name: 'an account syncing', state: 'connected', accounts: [account({ syncStatus: 'synced' }), account({ syncStatus: 'syncing' })], expected: true },
    { name: 'all synced', state: 'connected', accounts: [account({ syncStatus: 'synced' })], expected: false },
    { name: 'syncing with no account rows yet', state: 'syncing', accounts: [], expected: true },
    // The server may leave the connection "syncing" after its last account failed: nothing moves.
    { name: '"syncing" but every account settled', state: 'syncing', accounts: [account({ syncStatus: 'synced' }), account({ syncStatus: 'failed' })], expected: false },
    { name: 'not connected', state: 'not_connected', accounts: [], expected: false },
  ] as const)('$name → $expected', ({ state, accounts, expected }) => {
    expect(isRunning(platform({ state, accounts: [...accounts] }))).toBe(expected);
  });

  it('anyRunning looks at every platform', () => {
    expect(anyRunning([platform({ state: 'not_connected' }), platform({ state: 'connected', accounts: [account({ syncStatus: 'queued' })] })])).toBe(true);
    expect(anyRunning([platform({ state: 'not_connected' }), platform({ state: 'connected', accounts: synced })])).toBe(false);
  });
});
