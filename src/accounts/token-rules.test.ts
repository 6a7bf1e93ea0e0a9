import { describe, expect, it } from 'vitest';
import { hashToken, looksLikeToken, newSecretToken, tokenState } from './token-rules.js';

const now = new Date('2026-11-25T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('token rules', () => {
  it('mints 256-bit URL-safe tokens that differ every time', () => {
    const a = newSecretToken();
    const b = newSecretToken();
    expect(a).not.toBe(b);
    expect(looksLikeToken(a)).toBe(true);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
  });

  it('stores a hash, never the token', () => {
    const t = newSecretToken();
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(t)).not.toContain(t);
    expect(hashToken(t)).toBe(hashToken(t));
  });

  it.each([
    ['', false],
    ['short', false],
    ['a'.repeat(43), true],
    ['a'.repeat(44), false],
    ['a'.repeat(42) + '=', false],
    ["a'; drop table users;--".padEnd(43, 'x'), false],
  ])('looksLikeToken(%j) is %s', (v, ok) => expect(looksLikeToken(v)).toBe(ok));

  it.each<[string, { expiresAt: Date; usedAt: Date | null }, string]>([
    ['fresh', { expiresAt: at('2026-11-26T11:59:59Z'), usedAt: null }, 'valid'],
    ['expiring this instant', { expiresAt: now, usedAt: null }, 'expired'],
    ['expired', { expiresAt: at('2026-11-25T11:00:00Z'), usedAt: null }, 'expired'],
    ['used', { expiresAt: at('2026-11-26T11:00:00Z'), usedAt: at('2026-11-25T11:30:00Z') }, 'used'],
    ['used and expired says used', { expiresAt: at('2026-11-25T11:00:00Z'), usedAt: at('2026-11-25T10:00:00Z') }, 'used'],
  ])('a %s token is %s', (_name, row, expected) => {
    expect(tokenState(row, now)).toBe(expected);
  });
});
