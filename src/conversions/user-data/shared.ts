import { isIP } from 'node:net';
import { hashIdentifier } from './hash.js';

// Bidirectional controls and zero-width characters: right-to-left editors wrap Arabic names and
// numbers in them, invisible on screen but different bytes, so a different hash.
const invisibleControls = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g;

/**
 * The common first step for every value: NFC (so é typed as one code point or as e + accent
 * hashes the same), invisible controls removed, whitespace trimmed. Blank becomes undefined so
 * that nothing downstream can hash an empty string.
 */
export function clean(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const text = value.normalize('NFC').replace(invisibleControls, '').trim();
  return text === '' ? undefined : text;
}

/** Every usable value of a field that may hold one value or several. */
export function cleanAll(value: string | readonly string[] | null | undefined): string[] {
  const values = typeof value === 'string' ? [value] : (value ?? []);
  return values.map(clean).filter((v): v is string => v !== undefined);
}

/** Cleans, then hashes with the platform's normalization (or passes a ready digest through). */
export function hashed(value: string | null | undefined, normalize: (clean: string) => string | undefined): string | undefined {
  const text = clean(value);
  return text === undefined ? undefined : hashIdentifier(text, normalize);
}

/** Hashes each value, dropping unusable ones and duplicates (two spellings of one address). */
export function hashedAll(
  value: string | readonly string[] | null | undefined,
  normalize: (clean: string) => string | undefined,
): string[] | undefined {
  const digests = [...new Set(cleanAll(value).map((v) => hashIdentifier(v, normalize)))].filter(
    (d): d is string => d !== undefined,
  );
  return digests.length > 0 ? digests : undefined;
}

/** IPv4 or IPv6 as received; anything else is not an address a platform can use. */
export function cleanIp(value: string | null | undefined): string | undefined {
  const text = clean(value);
  return text !== undefined && isIP(text) !== 0 ? text : undefined;
}

/** Stratum's ids are case-insensitive; platforms compare bytes, so one casing is chosen here. */
export function normalizeExternalId(value: string): string | undefined {
  return value.toLowerCase() || undefined;
}

/** Drops undefined members so the JSON holds only the fields that have a value. */
export function compact<T extends object>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
