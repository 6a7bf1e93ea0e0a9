import { describe, expect, it } from 'vitest';
import { classifyStatus, parseRetryAfter } from './errors.js';

describe('classifyStatus', () => {
  it.each([
    [429, 'RATE_LIMITED', true],
    [500, 'TRANSIENT', true],
    [502, 'TRANSIENT', true],
    [503, 'TRANSIENT', true],
    [504, 'TRANSIENT', true],
    [408, 'TRANSIENT', true],
    [425, 'TRANSIENT', true],
    [400, 'INVALID', false],
    [409, 'INVALID', false],
    [422, 'INVALID', false],
    [401, 'AUTH_EXPIRED', false],
    [403, 'PERMISSION_DENIED', false],
    [404, 'NOT_FOUND', false],
    [410, 'NOT_FOUND', false],
    [301, 'UNKNOWN', false],
    [307, 'UNKNOWN', false],
  ])('HTTP %i is %s, retryable: %s', (status, code, retryable) => {
    expect(classifyStatus(status)).toEqual({ code, retryable });
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  it.each([
    ['120', 120],
    [' 5 ', 5],
    ['0', 0],
    ['Fri, 20 Nov 2026 10:01:30 GMT', 90],
    ['Fri, 20 Nov 2026 09:59:00 GMT', 0],
    ['999999', 6 * 3600],
    ['soon', null],
    ['', null],
    [null, null],
  ])('%j → %j seconds', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });
});
