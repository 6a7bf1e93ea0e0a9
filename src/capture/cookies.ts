// Decides which ad-platform cookies the server (re)sets. These are advertising identifiers:
// the caller only asks when the visitor's consent allows advertising storage.
//
// Setting them from the server matters because Safari caps cookies written by script at
// 7 days, while a cookie from a Set-Cookie header keeps the lifetime we give it.
import type { Touch } from './attribution.js';
import {
  buildFbc,
  buildFbp,
  buildGclAw,
  buildScid,
  buildTtp,
  parseFbc,
  parseFbp,
  parseGclAw,
  parseOpaqueBrowserId,
} from './cookie-formats.js';

/** 90 days, the lifetime the platforms' own tags give these cookies. */
export const platformCookieMaxAgeSeconds = 7_776_000;

export const platformCookieNames = { fbc: '_fbc', fbp: '_fbp', gclAw: '_gcl_aw', ttp: '_ttp', scid: '_scid' } as const;

export interface CookieToSet {
  name: string;
  value: string;
  maxAgeSeconds: number;
}

type CookieJar = Record<string, string | undefined>;

export function platformCookiesToSet(input: {
  clickIds: Touch['clickIds'];
  existing: CookieJar;
  nowMs: number;
  random: () => number;
}): CookieToSet[] {
  const { clickIds, existing, nowMs, random } = input;
  if (!Number.isFinite(nowMs) || nowMs < 0) throw new RangeError(`nowMs must be a finite epoch time, got ${nowMs}`);
  const raw = (key: keyof typeof platformCookieNames) => existing[platformCookieNames[key]];
  const fbc = parseFbc(raw('fbc'));
  const gcl = parseGclAw(raw('gclAw'));
  const candidates = [
    clickCookie(platformCookieNames.fbc, {
      incoming: clickIds.fbclid?.trim(),
      existing: fbc && { raw: raw('fbc') ?? '', id: fbc.fbclid, createdAtMs: fbc.createdAtMs },
      build: (id) => buildFbc(id, nowMs),
      nowMs,
    }),
    browserIdCookie(platformCookieNames.fbp, parseFbp(raw('fbp')) ? raw('fbp') : null, () => buildFbp(nowMs, random)),
    clickCookie(platformCookieNames.gclAw, {
      incoming: clickIds.gclid?.trim(),
      existing: gcl && { raw: raw('gclAw') ?? '', id: gcl.gclid, createdAtMs: gcl.createdAtSeconds * 1000 },
      build: (id) => buildGclAw(id, nowMs),
      nowMs,
    }),
    browserIdCookie(platformCookieNames.ttp, parseOpaqueBrowserId(raw('ttp')), () => buildTtp(random)),
    browserIdCookie(platformCookieNames.scid, parseOpaqueBrowserId(raw('scid')), () => buildScid(random)),
  ];
  return candidates.filter((c): c is CookieToSet => c !== null);
}

/**
 * A click cookie is replaced only by a different click id, keeping the original creation time
 * when the same id comes back (a reload of the landing URL is not a new click). Re-setting an
 * unchanged one uses only the lifetime it has left: a click stays attributable for 90 days
 * after the click, not 90 days after the last visit.
 */
function clickCookie(
  name: string,
  c: {
    incoming: string | undefined;
    existing: { raw: string; id: string; createdAtMs: number } | null;
    build: (id: string) => string | null;
    nowMs: number;
  },
): CookieToSet | null {
  if (c.incoming && c.incoming !== c.existing?.id) {
    const value = c.build(c.incoming);
    if (value !== null) return { name, value, maxAgeSeconds: platformCookieMaxAgeSeconds };
  }
  if (c.existing === null) return null;
  const ageSeconds = Math.floor((c.nowMs - c.existing.createdAtMs) / 1000);
  const remaining = Math.min(platformCookieMaxAgeSeconds, platformCookieMaxAgeSeconds - ageSeconds);
  return remaining > 0 ? { name, value: c.existing.raw, maxAgeSeconds: remaining } : null;
}

/** Browser ids live as long as the browser keeps visiting: each visit renews the full 90 days. */
function browserIdCookie(name: string, valid: string | null | undefined, create: () => string): CookieToSet {
  return { name, value: valid ?? create(), maxAgeSeconds: platformCookieMaxAgeSeconds };
}

export interface BrowserIds {
  fbc: string | null;
  fbp: string | null;
  gclAw: string | null;
  ttp: string | null;
  scid: string | null;
}

/** The cookie values worth forwarding to the platforms' conversion APIs, verbatim; null when malformed. */
export function browserIdsFromCookies(cookies: CookieJar): BrowserIds {
  const keepIf = (name: string, valid: boolean) => (valid ? (cookies[name] ?? null) : null);
  return {
    fbc: keepIf(platformCookieNames.fbc, parseFbc(cookies[platformCookieNames.fbc]) !== null),
    fbp: keepIf(platformCookieNames.fbp, parseFbp(cookies[platformCookieNames.fbp]) !== null),
    gclAw: keepIf(platformCookieNames.gclAw, parseGclAw(cookies[platformCookieNames.gclAw]) !== null),
    ttp: parseOpaqueBrowserId(cookies[platformCookieNames.ttp]),
    scid: parseOpaqueBrowserId(cookies[platformCookieNames.scid]),
  };
}
