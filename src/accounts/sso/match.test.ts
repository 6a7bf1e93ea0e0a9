import { describe, expect, it } from 'vitest';
import { decideAccount, type MatchDecision, type MatchInput } from './match.js';

const verified = { userId: 'usr_a', status: 'verified' as const };
const pending = { userId: 'usr_b', status: 'pending_verification' as const };
const disabled = { userId: 'usr_c', status: 'disabled' as const };
const base: MatchInput = { linked: null, byEmail: null, email: 'sara@midas.sa', emailVerified: true };

describe('decideAccount', () => {
  it.each<[string, Partial<MatchInput>, MatchDecision]>([
    ['a linked login signs in', { linked: verified }, { action: 'sign_in', userId: 'usr_a' }],
    ['a linked login signs in even when the address is no longer verified', { linked: verified, emailVerified: false }, { action: 'sign_in', userId: 'usr_a' }],
    ['a linked login signs in even with no address at all', { linked: verified, email: null, emailVerified: false }, { action: 'sign_in', userId: 'usr_a' }],
    ['a linked login wins over another account holding the address', { linked: verified, byEmail: pending }, { action: 'sign_in', userId: 'usr_a' }],
    ['a linked but disabled account is refused', { linked: disabled }, { action: 'refuse', reason: 'account_disabled' }],
    ['a verified address of an existing account links it', { byEmail: verified }, { action: 'link', userId: 'usr_a', verifyNow: false }],
    ['a verified address of a pending account links and verifies it', { byEmail: pending }, { action: 'link', userId: 'usr_b', verifyNow: true }],
    ['an unverified address never links an existing account', { byEmail: verified, emailVerified: false }, { action: 'refuse', reason: 'email_not_verified' }],
    ['an unverified address never creates an account', { emailVerified: false }, { action: 'refuse', reason: 'email_not_verified' }],
    ['no address, no account', { email: null, emailVerified: false }, { action: 'refuse', reason: 'email_missing' }],
    ['the address of a disabled account is refused', { byEmail: disabled }, { action: 'refuse', reason: 'account_disabled' }],
    ['a new verified address creates an account', {}, { action: 'create' }],
  ])('%s', (_name, over, expected) => {
    expect(decideAccount({ ...base, ...over })).toEqual(expected);
  });
});
