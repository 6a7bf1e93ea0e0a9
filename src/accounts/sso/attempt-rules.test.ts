import { describe, expect, it } from 'vitest';
import { checkAttempt, type AttemptFacts } from './attempt-rules.js';

const now = new Date('2026-11-20T10:00:00Z');
const fresh: AttemptFacts = { provider: 'google', browserHash: 'a'.repeat(64), expiresAt: new Date('2026-11-20T10:05:00Z'), usedAt: null };
const ctx = { provider: 'google' as const, browserHash: 'a'.repeat(64), now };

describe('checkAttempt', () => {
  it.each<[string, AttemptFacts | undefined, Partial<typeof ctx>, string]>([
    ['a fresh attempt from the same browser', fresh, {}, 'ok'],
    ['no attempt for this state', undefined, {}, 'unknown'],
    ['an attempt started for another provider', fresh, { provider: 'apple' as never }, 'wrong_provider'],
    ['an attempt already used', { ...fresh, usedAt: new Date('2026-11-20T09:59:00Z') }, {}, 'used'],
    ['an attempt that expired', { ...fresh, expiresAt: new Date('2026-11-20T09:59:59Z') }, {}, 'expired'],
    ['an attempt expiring this very instant', { ...fresh, expiresAt: now }, {}, 'expired'],
    ['a callback without the browser cookie', fresh, { browserHash: null as never }, 'other_browser'],
    ['a callback with another browser cookie', fresh, { browserHash: 'b'.repeat(64) }, 'other_browser'],
    ['a callback with a cookie of another length', fresh, { browserHash: 'a'.repeat(10) }, 'other_browser'],
    // A used attempt says "used" even from another browser: nothing new is revealed.
    ['a used attempt from another browser', { ...fresh, usedAt: now }, { browserHash: 'b'.repeat(64) }, 'used'],
  ])('%s → %s', (_name, attempt, over, expected) => {
    const r = checkAttempt(attempt, { ...ctx, ...over });
    expect(r.ok ? 'ok' : r.reason).toBe(expected);
  });
});
