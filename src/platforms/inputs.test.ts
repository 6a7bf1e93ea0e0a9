import { describe, expect, it } from 'vitest';
import { PlatformError } from './errors.js';
import { checkedAuthorizeInput, checkedRange, deferred } from './inputs.js';
import { platformIds } from './types.js';

describe('checkedRange', () => {
  it.each(platformIds)('%s: a good range passes as it is', (platform) => {
    expect(checkedRange(platform, { since: '2025-01-01', until: '2025-01-31' })).toEqual({ since: '2025-01-01', until: '2025-01-31' });
  });

  it.each([
    ['reversed', { since: '2025-02-01', until: '2025-01-01' }, /since must not be after until/],
    ['not zero-padded', { since: '2025-2-1', until: '2025-03-01' }, /bad date range 2025-2-1\.\.2025-03-01/],
    ['no such month', { since: '2025-01-01', until: '2025-13-01' }, /Invalid ISO date/],
    ['no such day', { since: '2025-02-29', until: '2025-03-01' }, /Invalid ISO date/],
  ])('a %s range is the caller’s INVALID', (_name, range, message) => {
    for (const platform of platformIds) {
      const err = (() => {
        try {
          checkedRange(platform, range);
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(PlatformError);
      expect(err).toMatchObject({ platform, code: 'INVALID', message: expect.stringMatching(message) });
    }
  });
});

describe('checkedAuthorizeInput', () => {
  it('passes a state and a web callback', () => {
    expect(checkedAuthorizeInput('meta', { state: 's', redirectUri: 'http://localhost:3000/cb' })).toEqual({ state: 's', redirectUri: 'http://localhost:3000/cb' });
  });

  it.each([
    [{ state: '', redirectUri: 'https://app.example/cb' }, /state/],
    [{ state: 's', redirectUri: 'not a url' }, /redirectUri/],
    [{ state: 's', redirectUri: 'javascript:alert(1)' }, /redirectUri/],
    [{ state: 's', redirectUri: 'ftp://app.example/cb' }, /redirectUri/],
  ])('refuses %o', (input, message) => {
    expect(() => checkedAuthorizeInput('tiktok', input)).toThrow(message);
  });
});

describe('deferred', () => {
  it('runs its checks when first read, not when made', async () => {
    const stream = deferred<number>(() => {
      throw new PlatformError('google', 'INVALID', 'bad');
    });
    await expect(stream.next()).rejects.toMatchObject({ code: 'INVALID' });
  });
});
