import { describe, expect, it } from 'vitest';
import type { Touch } from './attribution.js';
import { detectPlatform, type PlatformDetection } from './platform.js';

type Input = Pick<Touch, 'clickIds' | 'utm' | 'referrer'>;
const none: Input = { clickIds: {}, utm: {}, referrer: null };

describe('detectPlatform', () => {
  it.each<[string, Partial<Input>, PlatformDetection]>([
    // Click ids prove a paid click and win over everything else.
    ['fbclid', { clickIds: { fbclid: 'x' } }, { platform: 'meta', via: 'click_id' }],
    ['gclid', { clickIds: { gclid: 'x' } }, { platform: 'google', via: 'click_id' }],
    ['gbraid', { clickIds: { gbraid: 'x' } }, { platform: 'google', via: 'click_id' }],
    ['wbraid', { clickIds: { wbraid: 'x' } }, { platform: 'google', via: 'click_id' }],
    ['ttclid', { clickIds: { ttclid: 'x' } }, { platform: 'tiktok', via: 'click_id' }],
    ['sccid', { clickIds: { sccid: 'x' } }, { platform: 'snapchat', via: 'click_id' }],
    ['click id beats a contradicting utm_source', { clickIds: { ttclid: 'x' }, utm: { source: 'google' } }, { platform: 'tiktok', via: 'click_id' }],
    ['click id beats the referrer', { clickIds: { sccid: 'x' }, referrer: 'https://l.facebook.com/' }, { platform: 'snapchat', via: 'click_id' }],
    ['several click ids: fbclid first', { clickIds: { sccid: 'a', gclid: 'b', fbclid: 'c' } }, { platform: 'meta', via: 'click_id' }],
    ['several click ids: google before tiktok', { clickIds: { ttclid: 'a', wbraid: 'b' } }, { platform: 'google', via: 'click_id' }],
    ['several click ids: tiktok before snapchat', { clickIds: { sccid: 'a', ttclid: 'b' } }, { platform: 'tiktok', via: 'click_id' }],
    ['a blank click id is no click id', { clickIds: { fbclid: '  ' }, utm: { source: 'tiktok' } }, { platform: 'tiktok', via: 'utm_source' }],
    // utm_source, case-insensitive and exact.
    ['utm facebook', { utm: { source: 'facebook' } }, { platform: 'meta', via: 'utm_source' }],
    ['utm Facebook (case)', { utm: { source: 'Facebook' } }, { platform: 'meta', via: 'utm_source' }],
    ['utm fb', { utm: { source: 'fb' } }, { platform: 'meta', via: 'utm_source' }],
    ['utm instagram', { utm: { source: 'INSTAGRAM' } }, { platform: 'meta', via: 'utm_source' }],
    ['utm ig', { utm: { source: 'ig' } }, { platform: 'meta', via: 'utm_source' }],
    ['utm meta', { utm: { source: ' meta ' } }, { platform: 'meta', via: 'utm_source' }],
    ['utm google', { utm: { source: 'google' } }, { platform: 'google', via: 'utm_source' }],
    ['utm adwords', { utm: { source: 'AdWords' } }, { platform: 'google', via: 'utm_source' }],
    ['utm youtube', { utm: { source: 'youtube' } }, { platform: 'google', via: 'utm_source' }],
    ['utm tiktok', { utm: { source: 'TikTok' } }, { platform: 'tiktok', via: 'utm_source' }],
    ['utm snapchat', { utm: { source: 'snapchat' } }, { platform: 'snapchat', via: 'utm_source' }],
    ['utm snap', { utm: { source: 'Snap' } }, { platform: 'snapchat', via: 'utm_source' }],
    ['utm_source beats the referrer', { utm: { source: 'snapchat' }, referrer: 'https://www.google.com/' }, { platform: 'snapchat', via: 'utm_source' }],
    ['an unknown utm_source falls through to the referrer', { utm: { source: 'newsletter' }, referrer: 'https://www.tiktok.com/' }, { platform: 'tiktok', via: 'referrer' }],
    ['an unknown utm_source with no referrer is direct', { utm: { source: 'newsletter' } }, { platform: 'direct', via: 'none' }],
    ['utm facebook_ads is not an exact match', { utm: { source: 'facebook_ads' } }, { platform: 'direct', via: 'none' }],
    ['utm "constructor" does not reach the prototype', { utm: { source: 'constructor' } }, { platform: 'direct', via: 'none' }],
    ['utm "__proto__" does not reach the prototype', { utm: { source: '__proto__' } }, { platform: 'direct', via: 'none' }],
    // Referrer hosts.
    ['facebook.com', { referrer: 'https://facebook.com/' }, { platform: 'meta', via: 'referrer' }],
    ['www.facebook.com', { referrer: 'https://www.facebook.com/some/page' }, { platform: 'meta', via: 'referrer' }],
    ['m.facebook.com', { referrer: 'https://m.facebook.com/' }, { platform: 'meta', via: 'referrer' }],
    ['l.facebook.com', { referrer: 'https://l.facebook.com/l.php?u=x' }, { platform: 'meta', via: 'referrer' }],
    ['lm.facebook.com', { referrer: 'https://lm.facebook.com/' }, { platform: 'meta', via: 'referrer' }],
    ['instagram.com', { referrer: 'https://www.instagram.com/' }, { platform: 'meta', via: 'referrer' }],
    ['l.instagram.com', { referrer: 'https://l.instagram.com/?u=x' }, { platform: 'meta', via: 'referrer' }],
    ['fb.me', { referrer: 'https://fb.me/abc' }, { platform: 'meta', via: 'referrer' }],
    ['google.com', { referrer: 'https://www.google.com/' }, { platform: 'google', via: 'referrer' }],
    ['google.com.sa', { referrer: 'https://www.google.com.sa/' }, { platform: 'google', via: 'referrer' }],
    ['google.co.uk', { referrer: 'https://www.google.co.uk/' }, { platform: 'google', via: 'referrer' }],
    ['google.ae', { referrer: 'https://google.ae/' }, { platform: 'google', via: 'referrer' }],
    ['GOOGLE.COM in capitals', { referrer: 'HTTPS://WWW.GOOGLE.COM/' }, { platform: 'google', via: 'referrer' }],
    ['youtube.com', { referrer: 'https://www.youtube.com/watch?v=x' }, { platform: 'google', via: 'referrer' }],
    ['m.youtube.com', { referrer: 'https://m.youtube.com/' }, { platform: 'google', via: 'referrer' }],
    ['googleadservices.com', { referrer: 'https://www.googleadservices.com/pagead/aclk' }, { platform: 'google', via: 'referrer' }],
    ['tiktok.com', { referrer: 'https://www.tiktok.com/@someone' }, { platform: 'tiktok', via: 'referrer' }],
    ['snapchat.com', { referrer: 'https://www.snapchat.com/' }, { platform: 'snapchat', via: 'referrer' }],
    ['a lookalike host is not google', { referrer: 'https://notgoogle.com/' }, { platform: 'organic', via: 'referrer' }],
    ['google as a subdomain of someone else', { referrer: 'https://google.evil.com/' }, { platform: 'organic', via: 'referrer' }],
    ['facebook.com as a prefix of another domain', { referrer: 'https://facebook.com.evil.io/' }, { platform: 'organic', via: 'referrer' }],
    ['fakefacebook.com', { referrer: 'https://fakefacebook.com/' }, { platform: 'organic', via: 'referrer' }],
    ['another site', { referrer: 'https://news.ycombinator.com/' }, { platform: 'organic', via: 'referrer' }],
    ['bing is organic, not an ad platform here', { referrer: 'https://www.bing.com/' }, { platform: 'organic', via: 'referrer' }],
    ['an unparseable referrer is still a referrer', { referrer: 'not a url' }, { platform: 'organic', via: 'referrer' }],
    ['no referrer', {}, { platform: 'direct', via: 'none' }],
    ['an empty referrer', { referrer: '' }, { platform: 'direct', via: 'none' }],
    ['a blank referrer', { referrer: '  ' }, { platform: 'direct', via: 'none' }],
  ])('%s', (_name, input, expected) => {
    expect(detectPlatform({ ...none, ...input })).toEqual(expected);
  });
});
