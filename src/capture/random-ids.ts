// Identifier generators driven by an injected `random` so callers (and tests) control entropy.
// `random` follows Math.random's contract, [0, 1); values outside it are clamped, not trusted.

export type Random = () => number;

/** Integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  const r = random();
  const safe = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1 - Number.EPSILON) : 0;
  return Math.floor(safe * n);
}

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomBase62(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += base62[randomInt(random, base62.length)];
  return out;
}

/** RFC 9562 version-4 UUID, lower-case. */
export function randomUuidV4(random: Random): string {
  const bytes = Array.from({ length: 16 }, () => randomInt(random, 256));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
