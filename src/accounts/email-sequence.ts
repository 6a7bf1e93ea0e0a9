import type { EmailTemplateName } from '../email/templates/index.js';

const DAY_MS = 24 * 3600 * 1000;

export type SequenceTemplate = Extract<EmailTemplateName, 'welcome' | 'gettingStarted' | 'needHelpConnecting' | 'caseStudy'>;

/** The onboarding emails, counted from the moment the address is verified (stage 4 of the journey). */
export const emailSequence: ReadonlyArray<{ template: SequenceTemplate; delayMs: number }> = [
  { template: 'welcome', delayMs: 0 },
  { template: 'gettingStarted', delayMs: 1 * DAY_MS },
  { template: 'needHelpConnecting', delayMs: 3 * DAY_MS },
  { template: 'caseStudy', delayMs: 7 * DAY_MS },
];

export interface RecipientState {
  exists: boolean;
  status: 'pending_verification' | 'verified' | 'disabled' | null;
  unsubscribed: boolean;
  hasConnectedAdAccount: boolean;
}

/** Decided again when each email is due, not when it was scheduled: things change in a week. */
export function sequenceDecision(template: SequenceTemplate, r: RecipientState): { send: boolean; reason: string } {
  if (!r.exists) return { send: false, reason: 'user no longer exists' };
  if (r.status !== 'verified') return { send: false, reason: `user is ${r.status ?? 'unknown'}` };
  if (r.unsubscribed) return { send: false, reason: 'unsubscribed from marketing email' };
  if (template === 'needHelpConnecting' && r.hasConnectedAdAccount) return { send: false, reason: 'an ad account is already connected' };
  return { send: true, reason: 'due' };
}
