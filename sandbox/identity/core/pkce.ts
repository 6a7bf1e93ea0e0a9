import { createHash } from 'node:crypto';

/** RFC 7636 §4.1: 43–128 characters from the unreserved set. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** Whether `verifier` answers the challenge sent at authorization (RFC 7636 §4.6). */
export function pkceMatches(challenge: string, method: 'S256' | 'plain', verifier: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  const computed = method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
  return computed === challenge;
}
