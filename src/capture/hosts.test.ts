import { describe, expect, it } from 'vitest';
import { hostOf, isHostOrSubdomain, siteOf, stripPresentationPrefix } from './hosts.js';
import { randomBase62, randomInt, randomUuidV4 } from './random-ids.js';

describe('hostOf', () => {
  it.each<[string, string | null]>([
    ['https://www.Google.com.sa/search?q=x', 'www.google.com.sa'],
    ['http://localhost:3000/', 'localhost'],
    ['https://example.com./', 'example.com'],
    ['android-app://com.google.android.gm/', 'com.google.android.gm'],
    ['not a url', null],
    ['/relative', null],
    ['mailto:a@b.c', null],
  ])('%s → %s', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });
});

describe('siteOf', () => {
  it.each([
    ['example.com', 'example.com'],
    ['www.example.com', 'example.com'],
    ['a.b.example.com', 'example.com'],
    ['example.com.sa', 'example.com.sa'],
    ['shop.example.com.sa', 'example.com.sa'],
    ['www.example.co.uk', 'example.co.uk'],
    ['www.example.sa', 'example.sa'],
    ['app.stratum.io', 'stratum.io'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '[::1]'],
  ])('%s → %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });
});

describe('stripPresentationPrefix', () => {
  it.each([
    ['www.facebook.com', 'facebook.com'],
    ['www2.example.com', 'example.com'],
    ['m.facebook.com', 'facebook.com'],
    ['lm.facebook.com', 'lm.facebook.com'],
    ['facebook.com', 'facebook.com'],
  ])('%s → %s', (host, stripped) => {
    expect(stripPresentationPrefix(host)).toBe(stripped);
  });
});

describe('isHostOrSubdomain', () => {
  it.each([
    ['facebook.com', 'facebook.com', true],
    ['l.facebook.com', 'facebook.com', true],
    ['fakefacebook.com', 'facebook.com', false],
    ['facebook.com.evil.io', 'facebook.com', false],
  ])('%s within %s: %s', (host, domain, expected) => {
    expect(isHostOrSubdomain(host, domain)).toBe(expected);
  });
});

describe('random ids', () => {
  it.each<[number, number]>([
    [0, 0],
    [0.5, 5],
    [0.999, 9],
    [1, 9],
    [2, 9],
    [-1, 0],
    [Number.NaN, 0],
  ])('randomInt with random %d over 10 → %d', (r, expected) => {
    expect(randomInt(() => r, 10)).toBe(expected);
  });

  it('builds base62 strings of the asked length', () => {
    expect(randomBase62(() => 0, 5)).toBe('00000');
    expect(randomBase62(() => 0.9999, 3)).toBe('zzz');
  });

  it('sets the UUID version and variant bits whatever the randomness', () => {
    expect(randomUuidV4(() => 0.9999)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(randomUuidV4(() => 0)).toBe('00000000-0000-4000-8000-000000000000');
  });
});
