import { createHash } from 'node:crypto';

const sha256HexPattern = /^[0-9a-f]{64}$/;
// Upper-case hex digests exist in the wild (some CRMs export them); they are the same digest.
const anyCaseSha256Pattern = /^[0-9a-fA-F]{64}$/;

/** SHA-256 of the UTF-8 bytes, as the lowercase hex every platform asks for. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** True for a lowercase 64-character hex string: the shape of a SHA-256 digest as platforms receive it. */
export function isSha256Hex(value: string): boolean {
  return sha256HexPattern.test(value);
}

/**
 * Hashes a normalized value, except one that already arrived hashed: hashing twice produces a
 * digest no platform can match, so a 64-hex value is passed through (lower-cased, which leaves
 * a lowercase digest unchanged). Blank results are never hashed: the digest of "" would look
 * like a real identifier to the platform.
 */
export function hashIdentifier(value: string, normalize: (clean: string) => string | undefined): string | undefined {
  if (anyCaseSha256Pattern.test(value)) return value.toLowerCase();
  const normalized = normalize(value);
  return normalized ? sha256Hex(normalized) : undefined;
}
