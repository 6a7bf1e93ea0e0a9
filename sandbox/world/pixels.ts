import { pixelIdFor } from './native-ids.js';
import { hashOf, Rng } from './rng.js';
import type { WorldAccount, WorldPixel } from './types.js';

const EVENTS = ['PageView', 'Lead', 'CompleteRegistration', 'Purchase'] as const;
/** Typical Event Match Quality ranges: purchases carry the most customer data, page views the least. */
const RANGES: Record<(typeof EVENTS)[number], [number, number]> = {
  PageView: [4.0, 7.5],
  Lead: [5.5, 9.0],
  CompleteRegistration: [5.0, 8.5],
  Purchase: [6.0, 9.5],
};

/** Meta accounts have one or two pixels (the second an older, weaker one); the others one. */
export function generatePixels(account: WorldAccount): WorldPixel[] {
  const rng = new Rng(hashOf(account.seed, 'pixels'));
  const count = account.platform === 'meta' ? rng.int(1, 2) : 1;
  const pixels: WorldPixel[] = [];
  for (let i = 0; i < count; i++) {
    const penalty = i === 0 ? 0 : rng.range(1.5, 3);
    const matchQuality: Record<string, number> = {};
    for (const event of EVENTS) {
      const [lo, hi] = RANGES[event];
      matchQuality[event] = Math.round(Math.max(0, Math.min(10, rng.range(lo, hi) - penalty)) * 10) / 10;
    }
    pixels.push({ id: pixelIdFor(account.platform, rng), accountId: account.id, name: i === 0 ? `${account.business} Pixel` : `${account.business} – Old Website Pixel`, matchQuality });
  }
  return pixels;
}
