import type { ClickIdKey, Touch } from './attribution.js';
import { hostOf, isHostOrSubdomain, stripPresentationPrefix } from './hosts.js';

export type AttributedPlatform = 'meta' | 'google' | 'tiktok' | 'snapchat' | 'direct' | 'organic';
type AdPlatform = Exclude<AttributedPlatform, 'direct' | 'organic'>;

export interface PlatformDetection {
  platform: AttributedPlatform;
  /** How sure we are: a click id proves a paid click, a utm tag is the advertiser's word, a referrer only says where the visit came from. */
  via: 'click_id' | 'utm_source' | 'referrer' | 'none';
}

/**
 * Checked in this order when a URL carries several click ids (rare: a link shared from one
 * platform's in-app browser into another's keeps both). Meta first is an arbitrary but stable
 * choice; every id is still stored on the touch and sent to its own platform.
 */
export const clickIdPlatformOrder: ReadonlyArray<readonly [ClickIdKey, AdPlatform]> = [
  ['fbclid', 'meta'],
  ['gclid', 'google'],
  ['gbraid', 'google'],
  ['wbraid', 'google'],
  ['ttclid', 'tiktok'],
  ['sccid', 'snapchat'],
];

/** Exact values after trimming and lower-casing; "facebook_ads" deliberately does not match "facebook". */
export const utmSourcePlatforms: Readonly<Record<string, AdPlatform>> = {
  facebook: 'meta',
  fb: 'meta',
  instagram: 'meta',
  ig: 'meta',
  meta: 'meta',
  google: 'google',
  adwords: 'google',
  youtube: 'google',
  tiktok: 'tiktok',
  snapchat: 'snapchat',
  snap: 'snapchat',
};

// Each domain also matches its subdomains (l.facebook.com, lm.facebook.com, l.instagram.com…).
const referrerDomains: ReadonlyArray<readonly [string, AdPlatform]> = [
  ['facebook.com', 'meta'],
  ['instagram.com', 'meta'],
  ['fb.me', 'meta'],
  ['youtube.com', 'google'],
  ['googleadservices.com', 'google'],
  ['tiktok.com', 'tiktok'],
  ['snapchat.com', 'snapchat'],
];

// google.com, google.de, google.com.sa, google.co.uk — and their subdomains, never notgoogle.com.
const googleSearchHost = /(?:^|\.)google\.(?:[a-z]{2,3}|(?:com?|ac|org|net|gov|edu)\.[a-z]{2})$/;

export function detectPlatform(t: Pick<Touch, 'clickIds' | 'utm' | 'referrer'>): PlatformDetection {
  for (const [key, platform] of clickIdPlatformOrder) {
    if (t.clickIds[key]?.trim()) return { platform, via: 'click_id' };
  }
  const source = t.utm.source?.trim().toLowerCase();
  // hasOwn: a utm_source of "constructor" must not reach Object.prototype.
  const bySource = source && Object.hasOwn(utmSourcePlatforms, source) ? utmSourcePlatforms[source] : undefined;
  if (bySource !== undefined) return { platform: bySource, via: 'utm_source' };

  const referrer = t.referrer?.trim();
  if (!referrer) return { platform: 'direct', via: 'none' };
  const host = hostOf(referrer);
  const byHost = host === null ? undefined : platformOfHost(stripPresentationPrefix(host));
  return byHost === undefined ? { platform: 'organic', via: 'referrer' } : { platform: byHost, via: 'referrer' };
}

function platformOfHost(host: string): AdPlatform | undefined {
  if (googleSearchHost.test(host)) return 'google';
  return referrerDomains.find(([domain]) => isHostOrSubdomain(host, domain))?.[1];
}
