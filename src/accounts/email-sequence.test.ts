import { describe, expect, it } from 'vitest';
import { emailSequence, sequenceDecision, type RecipientState } from './email-sequence.js';

const ok: RecipientState = { exists: true, status: 'verified', unsubscribed: false, hasConnectedAdAccount: false };

describe('email sequence', () => {
  it('is day 0 welcome, day 1 tips, day 3 help connecting, day 7 case study', () => {
    expect(emailSequence.map((s) => [s.template, s.delayMs / 86_400_000])).toEqual([
      ['welcome', 0],
      ['gettingStarted', 1],
      ['needHelpConnecting', 3],
      ['caseStudy', 7],
    ]);
  });

  it.each<[string, Parameters<typeof sequenceDecision>[0], Partial<RecipientState>, boolean]>([
    ['welcome to a verified user', 'welcome', {}, true],
    ['anything to a deleted user', 'caseStudy', { exists: false, status: null }, false],
    ['anything to a disabled user', 'gettingStarted', { status: 'disabled' }, false],
    ['anything to an unverified user', 'welcome', { status: 'pending_verification' }, false],
    ['anything after unsubscribing', 'caseStudy', { unsubscribed: true }, false],
    ['help connecting when nothing is connected', 'needHelpConnecting', {}, true],
    ['help connecting when an account is connected', 'needHelpConnecting', { hasConnectedAdAccount: true }, false],
    ['the case study even when connected', 'caseStudy', { hasConnectedAdAccount: true }, true],
  ])('%s → %s', (_name, template, state, send) => {
    expect(sequenceDecision(template, { ...ok, ...state }).send).toBe(send);
  });
});
