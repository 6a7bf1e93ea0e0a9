import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Murmur3's finalizer: spreads every input bit over the 32-bit output. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of numbers and strings, for deriving seeds from names and keys. */
export function hashOf(...parts: ReadonlyArray<number | string>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    if (typeof part === 'number') {
      h = fmix32(h ^ fmix32(Math.trunc(part) + 0x9e3779b9));
    } else {
      for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
      h = fmix32(h ^ part.length);
    }
  }
  return h >>> 0;
}

/**
 * Uniform in [0, 1) from (seed, day, channel) with no state: delivery numbers must be a pure
 * function of their inputs and cost O(1), which rules out stepping a generator per call.
 */
export function noise(seed: number, day: number, channel: number): number {
  return fmix32(seed ^ fmix32(Math.imul(day, 0x9e3779b1) + Math.imul(channel + 1, 0x85ebca77))) / 4294967296;
}

/** A seeded generator for catalog data (names, ids, sizes); never used for numbers per day. */
export class Rng {
  private readonly g: ReturnType<typeof xoroshiro128plus>;

  constructor(seed: number) {
    this.g = xoroshiro128plus(seed | 0);
  }

  int(min: number, max: number): number {
    return uniformInt(this.g, min, max);
  }

  float(): number {
    return uniformFloat64(this.g);
  }

  range(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /** Log-uniform: budgets and prices spread over orders of magnitude, most of them small. */
  logRange(min: number, max: number): number {
    return Math.exp(this.range(Math.log(min), Math.log(max)));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** `n` decimal digits, the first one not zero (ids must not lose digits as numbers). */
  digits(n: number): string {
    let s = String(this.int(1, 9));
    for (let i = 1; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  /** A version-4-looking UUID. */
  uuid(): string {
    let hex = '';
    for (let i = 0; i < 4; i++) hex += (this.g.next() >>> 0).toString(16).padStart(8, '0');
    const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** A seed for a child generator, so adding a field to one entity does not reshuffle the next. */
  seed(): number {
    return this.g.next() >>> 0;
  }
}
