import { describe, expect, it } from 'vitest';
import { passwordSchema, passwordStrength } from './password-policy.js';

describe('password policy', () => {
  it.each([
    ['short', false],
    ['123456789', false],
    ['1234567890', true],
    ['x'.repeat(256), true],
    ['x'.repeat(257), false],
  ])('%s is acceptable: %s', (pw, ok) => {
    expect(passwordSchema.safeParse(pw).success).toBe(ok);
  });

  it.each<[string, number]>([
    ['short', 0],
    ['aaaaaaaaaaaa', 1],
    ['abcdefghij', 1],
    ['abcdefghijkl', 2],
    ['Abcdefgh1!', 2],
    ['correct horse battery staple', 3],
    ['Tr0ub4dor&3-extra-long', 4],
  ])('strength of %s is %i', (pw, expected) => {
    expect(passwordStrength(pw)).toBe(expected);
  });
});
