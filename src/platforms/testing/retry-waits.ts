import { vi } from 'vitest';

/**
 * Platforms may say "wait a minute" and the adapter does. Tests keep that behaviour but not the
 * minute: timers started by the retry loop (p-retry's backoff, platformCall's Retry-After sleep)
 * fire at once, and the lengths asked for are kept for assertions.
 */
export function skipRetryWaits(): { waits: number[]; restore: () => void } {
  const real = globalThis.setTimeout;
  const waits: number[] = [];
  const fake = (fn: () => void, ms?: number): ReturnType<typeof setTimeout> => {
    const fromRetry = /p-retry|platforms[\\/]http\.ts/.test(new Error().stack ?? '');
    if (fromRetry) waits.push(ms ?? 0);
    return real(fn, fromRetry ? 0 : ms);
  };
  const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(fake as unknown as typeof setTimeout);
  return { waits, restore: () => spy.mockRestore() };
}
