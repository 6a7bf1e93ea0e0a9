import type { CookieToSet } from '../../../src/capture/cookies.js';
import type { CookieJar } from './cookies';
import { VISITOR_ID_PATTERN } from './random';
import type { KeyValueStore } from './storage';

export const VISITOR_COOKIE = 'stratum_vid';
export const VISITOR_STORAGE_KEY = 'stratum.vid';
/** A year: the visitor id only links visits, it identifies nobody. */
export const VISITOR_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

export function isVisitorId(value: string | null | undefined): value is string {
  return typeof value === 'string' && VISITOR_ID_PATTERN.test(value);
}

/**
 * The visitor id, from the cookie (the server's, when it set one), else from localStorage
 * (a cookie cleared by the browser), else a new one. Returns the cookie to write when the
 * cookie lacks it; the store is brought in line as a side effect.
 */
export function resolveVisitorId(
  cookies: CookieJar,
  store: KeyValueStore,
  create: () => string,
): { visitorId: string; cookie: CookieToSet | null } {
  const fromCookie = cookies[VISITOR_COOKIE];
  const fromStore = store.getItem(VISITOR_STORAGE_KEY);
  const visitorId = isVisitorId(fromCookie) ? fromCookie : isVisitorId(fromStore) ? fromStore : create();
  if (fromStore !== visitorId) store.setItem(VISITOR_STORAGE_KEY, visitorId);
  const cookie = fromCookie === visitorId ? null : { name: VISITOR_COOKIE, value: visitorId, maxAgeSeconds: VISITOR_COOKIE_MAX_AGE_SECONDS };
  return { visitorId, cookie };
}

/** The visitor id as currently stored, without creating one. */
export function currentVisitorId(cookies: CookieJar, store: KeyValueStore): string | null {
  const fromCookie = cookies[VISITOR_COOKIE];
  if (isVisitorId(fromCookie)) return fromCookie;
  const fromStore = store.getItem(VISITOR_STORAGE_KEY);
  return isVisitorId(fromStore) ? fromStore : null;
}
