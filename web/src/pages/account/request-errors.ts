import { ApiError } from '../../api/client';

export type RequestErrorKey = 'rateLimited' | 'networkError' | 'genericError';

/** The general message for a failed request that no field-level message explains. */
export function requestErrorKey(error: unknown): RequestErrorKey {
  if (error instanceof ApiError) return error.status === 429 ? 'rateLimited' : 'genericError';
  // fetch rejects with a TypeError when the network or the server cannot be reached.
  return error instanceof TypeError ? 'networkError' : 'genericError';
}

/** A deliberately loose check for forms that do not load the zod schema; the server decides. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** `0:30`: digits and a colon read the same in both languages and need no plural forms. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${String(Math.floor(s / 60))}:${String(s % 60).padStart(2, '0')}`;
}
