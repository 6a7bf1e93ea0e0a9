import { describe, expect, it } from 'vitest';
import { SECTIONS, isUnsaved, statusMessage } from './preferences';
import type { Drafts } from '../../onboarding/wizard';
import { completedDrafts as drafts, completedOnboarding as state, editDrafts as edit } from '../../onboarding/test-fixtures';

describe('isUnsaved', () => {
  it('is false for every section right after loading', () => {
    for (const key of SECTIONS) expect(isUnsaved(key, drafts, state), key).toBe(false);
  });

  it.each<[string, keyof Drafts, Drafts, boolean]>([
    ['a new threshold', 'automation', edit('automation', { trust_threshold: 85 }), true],
    ['the same target written differently', 'goals', edit('goals', { target: '3.50' }), false],
    ['the same target in Arabic digits', 'goals', edit('goals', { target: '٣٫٥' }), false],
    ['a new target', 'goals', edit('goals', { target: '4' }), true],
    ['a target that is not a number', 'goals', edit('goals', { target: 'abc' }), true],
    ['another currency', 'goals', edit('goals', { currency: 'USD' }), true],
    ['one platform fewer', 'platforms', edit('platforms', { platforms: ['meta'] }), true],
    ['another market', 'business', edit('business', { primary_market: 'AE' }), true],
  ])('notices %s', (_name, key, d, unsaved) => {
    expect(isUnsaved(key, d, state)).toBe(unsaved);
    // Only that section is affected.
    for (const other of SECTIONS.filter((s) => s !== key)) expect(isUnsaved(other, d, state)).toBe(false);
  });
});

describe('statusMessage', () => {
  const goals = state.answers.goals;
  it.each([
    ['business', undefined, undefined],
    ['business', { kind: 'saving' }, undefined],
    ['business', { kind: 'saved' }, { key: 'saved' }],
    ['goals', { kind: 'saved' }, { key: 'savedGoals', currency: 'SAR', timezone: 'Asia/Riyadh' }],
    ['automation', { kind: 'invalid' }, { key: 'invalid' }],
    ['platforms', { kind: 'forbidden' }, { key: 'forbidden' }],
    ['goals', { kind: 'failed', problem: 'networkError' }, { key: 'failed', reason: 'networkError' }],
  ] as const)('%s, %j → %j', (key, status, message) => {
    expect(statusMessage(key, status, goals)).toEqual(message);
  });
});
