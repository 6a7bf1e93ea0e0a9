import { randomBase62, randomUuidV4, type Random } from '../../../src/capture/random-ids.js';

/**
 * A [0, 1) source backed by the browser's CSPRNG. `crypto.getRandomValues` exists in
 * every context, unlike `crypto.randomUUID`, which needs a secure one (https or localhost).
 */
export const cryptoRandom: Random = () => {
  const [word = 0] = crypto.getRandomValues(new Uint32Array(1));
  return word / 0x1_0000_0000;
};

/** A fresh v4 UUID for an event id (one per event, so the platforms can deduplicate). */
export function newEventId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : randomUuidV4(cryptoRandom);
}

export const VISITOR_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** 22 base62 characters: about 131 bits, within the server's visitor id pattern. */
export function newVisitorId(random: Random = cryptoRandom): string {
  return randomBase62(random, 22);
}
