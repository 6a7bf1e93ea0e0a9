import { describe, expect, it } from 'vitest';
import { secondsBlocked, waitAfterFailures } from './login-backoff.js';

describe('login backoff per address', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [9, 480_000],
    [10, 900_000],
    [50, 900_000],
  ])('after %i failures waits %i ms', (n, ms) => expect(waitAfterFailures(n)).toBe(ms));

  const t0 = new Date('2026-11-25T10:00:00Z');

  it.each([
    [null, 0],
    ['2026-11-25T09:59:00Z', 0],
    ['2026-11-25T10:00:00.200Z', 1],
    ['2026-11-25T10:00:30Z', 30],
  ])('blocked until %s means %i s left', (until, s) =>
    expect(secondsBlocked({ failures: 5, lastFailedAt: t0, blockedUntil: until ? new Date(until) : null }, t0)).toBe(s));

  it('is not blocked without a state', () => expect(secondsBlocked(undefined, t0)).toBe(0));
});
