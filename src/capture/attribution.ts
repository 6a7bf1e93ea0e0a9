import { hostOf, siteOf } from './hosts.js';

export const clickIdKeys = ['fbclid', 'gclid', 'gbraid', 'wbraid', 'ttclid', 'sccid'] as const;
export type ClickIdKey = (typeof clickIdKeys)[number];

export const utmKeys = ['source', 'medium', 'campaign', 'content', 'term'] as const;
export type UtmKey = (typeof utmKeys)[number];

export interface Touch {
  utm: Partial<Record<UtmKey, string>>;
  clickIds: Partial<Record<ClickIdKey, string>>;
  referrer: string | null;
  landingUrl: string | null;
  /** ISO-8601 instant of the visit. */
  at: string;
}

export const touchLimits = { clickId: 500, utm: 300, url: 2048 } as const;

const clickIdByLowerName = new Map<string, ClickIdKey>(clickIdKeys.map((k) => [k, k]));
const utmByLowerName = new Map<string, UtmKey>(utmKeys.map((k) => [`utm_${k}`, k]));

/**
 * Reads utm tags and click ids from a landing URL. Names match case-insensitively because
 * platforms and hand-built links disagree on case (Snapchat sends `ScCid`); values are kept
 * verbatim because click ids are case-sensitive and any change breaks the platform's match.
 */
export function touchFromUrl(landingUrl: string, referrer: string | null, at: Date): Touch {
  const touch: Touch = { utm: {}, clickIds: {}, referrer: cleanReferrer(referrer), landingUrl: null, at: at.toISOString() };
  let url: URL;
  try {
    url = new URL(landingUrl);
  } catch {
    return touch;
  }
  touch.landingUrl = url.href.slice(0, touchLimits.url);
  for (const [rawName, rawValue] of url.searchParams) {
    const name = rawName.trim().toLowerCase();
    const value = rawValue.trim();
    if (value === '') continue;
    const clickKey = clickIdByLowerName.get(name);
    if (clickKey !== undefined) {
      // A shortened click id would be a different, wrong id: drop it rather than cut it.
      if (touch.clickIds[clickKey] === undefined && value.length <= touchLimits.clickId) touch.clickIds[clickKey] = value;
      continue;
    }
    const utmKey = utmByLowerName.get(name);
    if (utmKey !== undefined && touch.utm[utmKey] === undefined) touch.utm[utmKey] = value.slice(0, touchLimits.utm);
  }
  if (touch.referrer !== null && isSameSite(url.hostname, touch.referrer)) touch.referrer = null;
  return touch;
}

function cleanReferrer(referrer: string | null): string | null {
  const trimmed = referrer?.trim() ?? '';
  return trimmed === '' ? null : trimmed.slice(0, touchLimits.url);
}

// A referrer from our own site is navigation inside the visit, not a source of traffic.
function isSameSite(landingHost: string, referrer: string): boolean {
  const referrerHost = hostOf(referrer);
  return referrerHost !== null && siteOf(referrerHost) === siteOf(landingHost.toLowerCase());
}

export function hasAttribution(t: Pick<Touch, 'utm' | 'clickIds'>): boolean {
  return Object.values(t.utm).some(isPresent) || Object.values(t.clickIds).some(isPresent);
}

function isPresent(v: string | undefined): boolean {
  return v !== undefined && v.trim() !== '';
}

/**
 * First touch is the earliest visit ever seen; last touch is the latest visit that carried
 * attribution ("last non-direct click"), falling back to the latest visit when none did.
 * Touches may arrive out of order (the SSO round trip, a second device), so both are chosen
 * by `at` across everything known rather than by arrival order.
 */
export function mergeTouches(
  current: { first: Touch | null; last: Touch | null },
  incoming: Touch,
): { first: Touch; last: Touch } {
  const known = [current.first, current.last].filter((t): t is Touch => t !== null);
  const all = [...known, incoming];
  const first = all.reduce((best, t) => (atMs(t, Infinity) < atMs(best, Infinity) ? t : best));
  const attributed = all.filter(hasAttribution);
  const pool = attributed.length > 0 ? attributed : all;
  // `>=` hands ties to the later-listed touch, so the incoming one wins on equal timestamps.
  const last = pool.reduce((best, t) => (atMs(t, -Infinity) >= atMs(best, -Infinity) ? t : best));
  return { first, last };
}

// An unreadable timestamp must never make a touch the earliest or the latest one.
function atMs(t: Touch, ifUnreadable: number): number {
  const ms = Date.parse(t.at);
  return Number.isNaN(ms) ? ifUnreadable : ms;
}
