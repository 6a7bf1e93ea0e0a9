import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: what an emailed link or a session cookie carries. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored instead of the token. A plain SHA-256 suffices (unlike passwords): the
 * token already has 256 bits of entropy, so there is nothing to brute-force.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Tokens we mint are 43 base64url characters; anything else is not worth a lookup. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export type TokenState = 'valid' | 'expired' | 'used';

export function tokenState(row: { expiresAt: Date; usedAt: Date | null }, now: Date): TokenState {
  if (row.usedAt) return 'used';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid';
}

export const TOKEN_TTL_MS = {
  verify_email: 24 * 3600 * 1000,
  reset_password: 60 * 60 * 1000,
  /** Unsubscribe links must keep working as long as old emails sit in inboxes. */
  unsubscribe: 365 * 24 * 3600 * 1000,
} as const;
