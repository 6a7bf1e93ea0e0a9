import { touchFromUrl } from '../../../src/capture/attribution.js';
import { parseCookies, platformCookieWrites, serializeCookie } from './cookies';
import { cryptoRandom, newVisitorId } from './random';
import { browserStore } from './storage';
import { recordTouch } from './touches';
import { startPageTracking, type NavigationSubscriber } from './tracker';
import { withoutSensitiveParams } from './urls';
import { resolveVisitorId } from './visitor';

export { attributionPayload, type AttributionPayload } from './payload';
export { newEventId } from './random';

/** The page as it was reached, captured at boot before anything can change the address. */
export interface Arrival {
  href: string;
  referrer: string;
  at: Date;
}

let started = false;

/**
 * Runs once per page load, on every page: records this visit as a touch, makes sure the
 * visitor id and the ad platforms' first-party cookies exist, and starts page analytics.
 */
export function startAttribution(arrival: Arrival, subscribe?: NavigationSubscriber): void {
  if (started) return;
  started = true;
  const store = browserStore();
  const touch = touchFromUrl(withoutSensitiveParams(arrival.href), arrival.referrer, arrival.at);
  recordTouch(store, touch);

  const cookies = parseCookies(document.cookie);
  const secure = window.location.protocol === 'https:';
  const { visitorId, cookie } = resolveVisitorId(cookies, store, newVisitorId);
  const writes = platformCookieWrites({ clickIds: touch.clickIds, existing: cookies, nowMs: arrival.at.getTime(), random: cryptoRandom });
  for (const c of cookie ? [cookie, ...writes] : writes) document.cookie = serializeCookie(c, secure);

  startPageTracking(visitorId, subscribe);
}
