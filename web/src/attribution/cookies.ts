import type { Touch } from '../../../src/capture/attribution.js';
import type { Random } from '../../../src/capture/random-ids.js';
import { platformCookiesToSet, type CookieToSet } from '../../../src/capture/cookies.js';

export type CookieJar = Record<string, string | undefined>;

/** `document.cookie` → name/value map. The first of duplicate names wins (the most specific path). */
export function parseCookies(header: string): CookieJar {
  const jar: CookieJar = {};
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name === '' || name in jar) continue;
    jar[name] = decode(part.slice(eq + 1).trim());
  }
  return jar;
}

function decode(value: string): string {
  const unquoted = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  try {
    return decodeURIComponent(unquoted);
  } catch {
    return unquoted;
  }
}

/**
 * A first-party cookie for the whole site. Host-only (no Domain attribute), like the server's
 * own Set-Cookie; Secure whenever the page itself is on https.
 */
export function serializeCookie(cookie: CookieToSet, secure: boolean): string {
  const parts = [
    `${cookie.name}=${encodeURIComponent(cookie.value)}`,
    `Max-Age=${String(Math.max(0, Math.floor(cookie.maxAgeSeconds)))}`,
    'Path=/',
    'SameSite=Lax',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * The ad-platform cookies the page must write itself: only those missing or changed (a new
 * click id). The server's rules decide the values; cookies the server already set are left
 * alone, because Safari cuts the lifetime of any cookie rewritten from script to 7 days.
 */
export function platformCookieWrites(input: {
  clickIds: Touch['clickIds'];
  existing: CookieJar;
  nowMs: number;
  random: Random;
}): CookieToSet[] {
  return platformCookiesToSet(input).filter((c) => input.existing[c.name] !== c.value);
}
