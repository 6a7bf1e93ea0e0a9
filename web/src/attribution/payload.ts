import { clickIdKeys, touchFromUrl, utmKeys, type Touch } from '../../../src/capture/attribution.js';
import { browserIdsFromCookies } from '../../../src/capture/cookies.js';
import type { SubscribeInput } from '../../../src/capture/intake.schema.js';
import { toSupportedLanguage, type Language } from '../i18n/languages';
import { parseCookies, type CookieJar } from './cookies';
import { browserStore, type KeyValueStore } from './storage';
import { readTouches } from './touches';
import { withoutSensitiveParams } from './urls';
import { currentVisitorId } from './visitor';

type AttributionKey =
  | `utm_${(typeof utmKeys)[number]}`
  | (typeof clickIdKeys)[number]
  | 'fbc'
  | 'fbp'
  | 'ttp'
  | 'scid'
  | 'referrer_url'
  | 'landing_url'
  | 'visitor_id'
  | 'user_agent';

/** The attribution part of the signup/lead body; absent values are left out, not sent empty. */
export type AttributionPayload = Partial<Pick<SubscribeInput, AttributionKey>> & { language: Language };

// The intake schema's limits: a value beyond them is dropped rather than failing the form.
const LIMITS = { fbc: 600, fbp: 200, ttp: 200, scid: 200, url: 2048, userAgent: 1000 } as const;
const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;

function within(value: string | null | undefined, max: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= max ? trimmed : undefined;
}

export function buildAttributionPayload(input: {
  /** The touch that gets the credit: the last one carrying attribution (see mergeTouches). */
  last: Touch | null;
  cookies: CookieJar;
  visitorId: string | null;
  userAgent: string;
  language: Language;
}): AttributionPayload {
  const { last, cookies } = input;
  const out: AttributionPayload = { language: input.language };
  const set = <K extends AttributionKey>(key: K, value: string | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  for (const k of utmKeys) set(`utm_${k}`, within(last?.utm[k], 300));
  for (const k of clickIdKeys) set(k, within(last?.clickIds[k], 500));
  const ids = browserIdsFromCookies(cookies);
  set('fbc', within(ids.fbc, LIMITS.fbc));
  set('fbp', within(ids.fbp, LIMITS.fbp));
  set('ttp', within(ids.ttp, LIMITS.ttp));
  set('scid', within(ids.scid, LIMITS.scid));
  set('referrer_url', within(last?.referrer, LIMITS.url));
  set('landing_url', within(last?.landingUrl, LIMITS.url));
  set('visitor_id', input.visitorId !== null && VISITOR_ID.test(input.visitorId) ? input.visitorId : undefined);
  // A user agent is not a secret or an id: cut it to fit rather than drop it.
  set('user_agent', input.userAgent.trim().slice(0, LIMITS.userAgent) || undefined);
  return out;
}

/** The subscribe/lead fields describing how this visitor arrived, read from this browser now. */
export function attributionPayload(store: KeyValueStore = browserStore()): AttributionPayload {
  const cookies = parseCookies(document.cookie);
  // Nothing stored (storage refused, or capture has not run): this page's own address is the best left.
  const last = readTouches(store).last ?? touchFromUrl(withoutSensitiveParams(window.location.href), document.referrer || null, new Date());
  return buildAttributionPayload({
    last,
    cookies,
    visitorId: currentVisitorId(cookies, store),
    userAgent: navigator.userAgent,
    // i18n keeps <html lang> in step with the interface language.
    language: toSupportedLanguage(document.documentElement.lang),
  });
}
