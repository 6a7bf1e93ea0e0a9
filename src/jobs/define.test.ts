import { describe, expect, it } from 'vitest';
import { failureHintOf } from './define.js';

describe('failureHintOf', () => {
  it.each([
    ['a plain error retries as the policy says', new Error('boom'), { retryable: true, retryAfterSeconds: null }],
    ['an error that says no retry can help', Object.assign(new Error('bad data'), { retryable: false }), { retryable: false, retryAfterSeconds: null }],
    ['an error with a Retry-After', Object.assign(new Error('429'), { retryable: true, retryAfterSeconds: 120 }), { retryable: true, retryAfterSeconds: 120 }],
    ['a zero or nonsense Retry-After is ignored', Object.assign(new Error('429'), { retryAfterSeconds: 0 }), { retryable: true, retryAfterSeconds: null }],
    ['a thrown string', 'oops', { retryable: true, retryAfterSeconds: null }],
    ['null', null, { retryable: true, retryAfterSeconds: null }],
  ])('%s', (_case, err, hint) => {
    expect(failureHintOf(err)).toEqual(hint);
  });
});
