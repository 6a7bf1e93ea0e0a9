import { mergeTouches, touchFromUrl, type Touch } from '../../../src/capture/attribution.js';
import type { KeyValueStore } from './storage';

export const TOUCH_STORAGE_KEYS = { first: 'stratum.touch.first', last: 'stratum.touch.last' } as const;

export interface Touches {
  first: Touch | null;
  last: Touch | null;
}

function readTouch(store: KeyValueStore, key: string): Touch | null {
  const raw = store.getItem(key);
  if (raw === null) return null;
  try {
    // Rebuilt from its landing URL by the same parser that made it, so a value edited by hand
    // or written by an older version cannot smuggle anything else in (and zod stays off the page).
    const stored = JSON.parse(raw) as { landingUrl?: unknown; referrer?: unknown; at?: unknown };
    if (typeof stored.landingUrl !== 'string' || typeof stored.at !== 'string') return null;
    const at = new Date(stored.at);
    if (Number.isNaN(at.getTime())) return null;
    return touchFromUrl(stored.landingUrl, typeof stored.referrer === 'string' ? stored.referrer : null, at);
  } catch {
    return null;
  }
}

export function readTouches(store: KeyValueStore): Touches {
  return { first: readTouch(store, TOUCH_STORAGE_KEYS.first), last: readTouch(store, TOUCH_STORAGE_KEYS.last) };
}

/** Merges this visit into the stored first/last touch (the server's rules) and stores the result. */
export function recordTouch(store: KeyValueStore, touch: Touch): { first: Touch; last: Touch } {
  const merged = mergeTouches(readTouches(store), touch);
  store.setItem(TOUCH_STORAGE_KEYS.first, JSON.stringify(merged.first));
  store.setItem(TOUCH_STORAGE_KEYS.last, JSON.stringify(merged.last));
  return merged;
}
