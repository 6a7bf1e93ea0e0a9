type Status = 'pending_verification' | 'verified' | 'disabled';

export interface MatchInput {
  /** The account this provider login (provider + subject) is already linked to. */
  linked: { userId: string; status: Status } | null;
  /** The account whose address equals the provider's, whatever its case. */
  byEmail: { userId: string; status: Status } | null;
  email: string | null;
  emailVerified: boolean;
}

export type MatchRefusal = 'email_missing' | 'email_not_verified' | 'account_disabled';

export type MatchDecision =
  | { action: 'sign_in'; userId: string }
  /** `verifyNow`: the account was waiting for email verification; the provider's word settles it. */
  | { action: 'link'; userId: string; verifyNow: boolean }
  | { action: 'create' }
  | { action: 'refuse'; reason: MatchRefusal };

/**
 * Which account a provider sign-in belongs to. The provider's subject is the key: a linked
 * login signs in whatever the address says today. The address is used only to find or
 * create an account, and only when the provider vouches for it; otherwise anyone who
 * can put an unverified address on a provider account (a Microsoft tenant admin can set
 * any `email`) would take over the Stratum account with that address.
 */
export function decideAccount(m: MatchInput): MatchDecision {
  if (m.linked) return m.linked.status === 'disabled' ? { action: 'refuse', reason: 'account_disabled' } : { action: 'sign_in', userId: m.linked.userId };
  if (m.email === null) return { action: 'refuse', reason: 'email_missing' };
  if (!m.emailVerified) return { action: 'refuse', reason: 'email_not_verified' };
  if (m.byEmail) {
    if (m.byEmail.status === 'disabled') return { action: 'refuse', reason: 'account_disabled' };
    return { action: 'link', userId: m.byEmail.userId, verifyNow: m.byEmail.status === 'pending_verification' };
  }
  return { action: 'create' };
}
