import { describe, expect, it } from 'vitest';
import { connectPaths, viewFromSearch } from './view';

describe('viewFromSearch', () => {
  it.each([
    ['', { kind: 'cards', focus: null }],
    ['?select=meta', { kind: 'select', platform: 'meta' }],
    ['?select=google&lng=ar', { kind: 'select', platform: 'google' }],
    ['?sync=tiktok', { kind: 'progress', platform: 'tiktok' }],
    ['?platform=meta&error=denied', { kind: 'problem', platform: 'meta', problem: 'denied' }],
    ['?platform=snapchat&error=no_accounts', { kind: 'problem', platform: 'snapchat', problem: 'no_accounts' }],
    ['?platform=google&error=bad_state', { kind: 'problem', platform: 'google', problem: 'bad_state' }],
    // An error this page has no words for still reads as one, never as success.
    ['?platform=meta&error=something_new', { kind: 'problem', platform: 'meta', problem: 'platform_error' }],
    ['?error=denied', { kind: 'problem', platform: null, problem: 'denied' }],
    ['?platform=myspace&error=denied', { kind: 'problem', platform: null, problem: 'denied' }],
    // The error wins over a selection: the callback never sends both, a hand-made link might.
    ['?select=meta&platform=meta&error=expired', { kind: 'problem', platform: 'meta', problem: 'expired' }],
    ['?select=myspace', { kind: 'cards', focus: null }],
    ['?select=', { kind: 'cards', focus: null }],
    ['?reconnect=meta', { kind: 'cards', focus: 'meta' }],
    ['?reconnect=nope', { kind: 'cards', focus: null }],
  ])('%s', (search, view) => {
    expect(viewFromSearch(search)).toEqual(view);
  });

  it('reads back the addresses it builds', () => {
    expect(viewFromSearch(new URL(connectPaths.select('meta'), 'http://x').search)).toEqual({ kind: 'select', platform: 'meta' });
    expect(viewFromSearch(new URL(connectPaths.progress('google'), 'http://x').search)).toEqual({ kind: 'progress', platform: 'google' });
  });
});
