import { describe, expect, it } from 'vitest';
import { validateStep } from './validate';
import type { Drafts } from './wizard';
import { completedDrafts as drafts, completedOnboarding as saved, editDrafts as edit } from './test-fixtures';

describe('validateStep (wizard and Settings)', () => {
  it('passes saved answers through unchanged, as the bodies the server takes', () => {
    expect(validateStep(2, drafts)).toEqual({ ok: true, body: saved.answers.business });
    expect(validateStep(3, drafts)).toEqual({ ok: true, body: saved.answers.platforms });
    expect(validateStep(4, drafts)).toEqual({ ok: true, body: saved.answers.goals });
    expect(validateStep(5, drafts)).toEqual({ ok: true, body: saved.answers.automation });
  });

  it('parses a target typed with Arabic digits', () => {
    expect(validateStep(4, edit('goals', { target: '٤٫٥' }))).toMatchObject({ ok: true, body: { target_value: 4.5 } });
  });

  it.each<[string, 2 | 3 | 4 | 5, Drafts, Record<string, string>]>([
    ['no industry', 2, edit('business', { industry: '' }), { industry: 'industry' }],
    ['no platforms', 3, edit('platforms', { platforms: [] }), { platforms: 'platforms' }],
    ['a zero target', 4, edit('goals', { target: '0' }), { target_value: 'target' }],
    ['a target over the limit', 4, edit('goals', { target: '2000000000' }), { target_value: 'targetTooBig' }],
    ['an unreadable target and an unknown zone', 4, edit('goals', { target: 'abc', timezone: 'Mars/Base' }), { target_value: 'target', timezone: 'timezone' }],
    ['a threshold over 100', 5, edit('automation', { trust_threshold: 120 }), { trust_threshold: 'threshold' }],
  ])('refuses %s, naming the fields', (_name, step, d, errors) => {
    expect(validateStep(step, d)).toEqual({ ok: false, errors });
  });
});
