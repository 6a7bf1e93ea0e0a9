import { z } from 'zod';

/** At least 10 characters (NIST 800-63B favours length over composition rules), at most 256. */
export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(256, 'Use at most 256 characters');

export type PasswordStrength = 0 | 1 | 2 | 3 | 4;

/**
 * A rough strength for the meter beside the field: length first, then variety. Shared by
 * the server and the form so both say the same.
 */
export function passwordStrength(password: string): PasswordStrength {
  if (password.length < 10) return 0;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const unique = new Set(password).size;
  if (unique < 4) return 1;
  let score = 1;
  if (password.length >= 12) score++;
  if (password.length >= 16 || classes >= 3) score++;
  if (password.length >= 14 && classes >= 3) score++;
  return Math.min(score, 4) as PasswordStrength;
}
