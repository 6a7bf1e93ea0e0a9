import { describe, expect, it } from 'vitest';
import type { Touch } from './attribution.js';
import { browserIdsFromCookies, platformCookieMaxAgeSeconds, platformCookiesToSet, type CookieToSet } from './cookies.js';

const DAY_MS = 86_400_000;
const DAY_S = 86_400;
const nowMs = 1_772_359_200_123; // 2026-03-01T10:00:00.123Z
const nowS = 1_772_359_200;
const full = platformCookieMaxAgeSeconds;

const fbp = 'fb.1.1596403881668.1116446470';
const ttp = '2F7h37YkS1j57AYSKTI7IHhJPYH';
const scid = '7b3a7917-a82a-47e8-9728-e1b3b045abb2';
const browserIds = { _fbp: fbp, _ttp: ttp, _scid: scid };
const renewedBrowserIds: CookieToSet[] = [
  { name: '_fbp', value: fbp, maxAgeSeconds: full },
  { name: '_ttp', value: ttp, maxAgeSeconds: full },
  { name: '_scid', value: scid, maxAgeSeconds: full },
];

function run(clickIds: Touch['clickIds'], existing: Record<string, string | undefined>, random: () => number = () => 0) {
  return platformCookiesToSet({ clickIds, existing, nowMs, random });
}
const byName = (cookies: CookieToSet[], name: string) => cookies.find((c) => c.name === name);

describe('platformCookiesToSet', () => {
  it('is 90 days', () => {
    expect(platformCookieMaxAgeSeconds).toBe(7_776_000);
  });

  it('creates the browser ids for a first visit without a click', () => {
    expect(run({}, {})).toEqual([
      { name: '_fbp', value: `fb.1.${nowMs}.0`, maxAgeSeconds: full },
      { name: '_ttp', value: '0'.repeat(27), maxAgeSeconds: full },
      { name: '_scid', value: '00000000-0000-4000-8000-000000000000', maxAgeSeconds: full },
    ]);
  });

  it('creates the click cookies when a click arrives', () => {
    expect(run({ fbclid: 'IwAR2F4-dbP0', gclid: 'Cj0KCQiA' }, browserIds)).toEqual([
      { name: '_fbc', value: `fb.1.${nowMs}.IwAR2F4-dbP0`, maxAgeSeconds: full },
      { name: '_fbp', value: fbp, maxAgeSeconds: full },
      { name: '_gcl_aw', value: `GCL.${nowS}.Cj0KCQiA`, maxAgeSeconds: full },
      { name: '_ttp', value: ttp, maxAgeSeconds: full },
      { name: '_scid', value: scid, maxAgeSeconds: full },
    ]);
  });

  it('renews valid browser ids with the same values', () => {
    expect(run({}, browserIds)).toEqual(renewedBrowserIds);
  });

  it('ignores click ids that have no cookie of ours', () => {
    expect(run({ gbraid: 'g', wbraid: 'w', ttclid: 'E.C.P.x', sccid: scid }, browserIds)).toEqual(renewedBrowserIds);
  });

  const tenDaysAgoMs = nowMs - 10 * DAY_MS;
  const tenDaysAgoS = nowS - 10 * DAY_S;
  it.each<[string, Touch['clickIds'], Record<string, string>, CookieToSet | undefined]>([
    ['same fbclid again keeps the original creation time', { fbclid: 'abc' }, { _fbc: `fb.1.${tenDaysAgoMs}.abc` }, { name: '_fbc', value: `fb.1.${tenDaysAgoMs}.abc`, maxAgeSeconds: full - 10 * DAY_S }],
    ['same fbclid with surrounding spaces is still the same click', { fbclid: ' abc ' }, { _fbc: `fb.1.${tenDaysAgoMs}.abc` }, { name: '_fbc', value: `fb.1.${tenDaysAgoMs}.abc`, maxAgeSeconds: full - 10 * DAY_S }],
    ['a different fbclid replaces the cookie', { fbclid: 'xyz' }, { _fbc: `fb.1.${tenDaysAgoMs}.abc` }, { name: '_fbc', value: `fb.1.${nowMs}.xyz`, maxAgeSeconds: full }],
    ['fbclid compare is case-sensitive', { fbclid: 'ABC' }, { _fbc: `fb.1.${tenDaysAgoMs}.abc` }, { name: '_fbc', value: `fb.1.${nowMs}.ABC`, maxAgeSeconds: full }],
    ["Meta's appendix survives a renewal", {}, { _fbc: `fb.1.${tenDaysAgoMs}.abc.AQEAAQMB` }, { name: '_fbc', value: `fb.1.${tenDaysAgoMs}.abc.AQEAAQMB`, maxAgeSeconds: full - 10 * DAY_S }],
    ['a pixel-written subdomain index survives a renewal', { fbclid: 'abc' }, { _fbc: `fb.2.${tenDaysAgoMs}.abc` }, { name: '_fbc', value: `fb.2.${tenDaysAgoMs}.abc`, maxAgeSeconds: full - 10 * DAY_S }],
    ['no click: an existing _fbc gets only its remaining life', {}, { _fbc: `fb.1.${tenDaysAgoMs}.abc` }, { name: '_fbc', value: `fb.1.${tenDaysAgoMs}.abc`, maxAgeSeconds: full - 10 * DAY_S }],
    ['no click: an _fbc older than 90 days is left to expire', {}, { _fbc: `fb.1.${nowMs - 91 * DAY_MS}.abc` }, undefined],
    ['no click: an _fbc exactly 90 days old is left to expire', {}, { _fbc: `fb.1.${nowMs - 90 * DAY_MS}.abc` }, undefined],
    ['a click replaces an expired _fbc', { fbclid: 'abc' }, { _fbc: `fb.1.${nowMs - 91 * DAY_MS}.old` }, { name: '_fbc', value: `fb.1.${nowMs}.abc`, maxAgeSeconds: full }],
    ['an _fbc from the future (clock skew) is capped at 90 days', {}, { _fbc: `fb.1.${nowMs + DAY_MS}.abc` }, { name: '_fbc', value: `fb.1.${nowMs + DAY_MS}.abc`, maxAgeSeconds: full }],
    ['a malformed _fbc is not renewed', {}, { _fbc: 'fb.1.1554763741.abc' }, undefined],
    ['a malformed _fbc is replaced by a click', { fbclid: 'abc' }, { _fbc: 'garbage' }, { name: '_fbc', value: `fb.1.${nowMs}.abc`, maxAgeSeconds: full }],
    ['an fbclid that cannot be stored leaves the old cookie alone', { fbclid: 'has.dot' }, { _fbc: `fb.1.${tenDaysAgoMs}.abc` }, { name: '_fbc', value: `fb.1.${tenDaysAgoMs}.abc`, maxAgeSeconds: full - 10 * DAY_S }],
    ['an fbclid that cannot be stored and no cookie: nothing', { fbclid: 'has space' }, {}, undefined],
    ['an empty fbclid is no click', { fbclid: '' }, {}, undefined],
  ])('_fbc: %s', (_name, clickIds, existing, expected) => {
    expect(byName(run(clickIds, { ...browserIds, ...existing }), '_fbc')).toEqual(expected);
  });

  it.each<[string, Touch['clickIds'], Record<string, string>, CookieToSet | undefined]>([
    ['same gclid again keeps the original creation time', { gclid: 'Cj0' }, { _gcl_aw: `GCL.${tenDaysAgoS}.Cj0` }, { name: '_gcl_aw', value: `GCL.${tenDaysAgoS}.Cj0`, maxAgeSeconds: full - 10 * DAY_S }],
    ['a different gclid replaces the cookie', { gclid: 'Cj1' }, { _gcl_aw: `GCL.${tenDaysAgoS}.Cj0` }, { name: '_gcl_aw', value: `GCL.${nowS}.Cj1`, maxAgeSeconds: full }],
    ['no click: an existing _gcl_aw gets only its remaining life', {}, { _gcl_aw: `GCL.${tenDaysAgoS}.Cj0` }, { name: '_gcl_aw', value: `GCL.${tenDaysAgoS}.Cj0`, maxAgeSeconds: full - 10 * DAY_S }],
    ['no click: an expired _gcl_aw is left to expire', {}, { _gcl_aw: `GCL.${nowS - 100 * DAY_S}.Cj0` }, undefined],
    ['a malformed _gcl_aw is replaced by a click', { gclid: 'Cj0' }, { _gcl_aw: 'GCL.1690000000123.Cj0' }, { name: '_gcl_aw', value: `GCL.${nowS}.Cj0`, maxAgeSeconds: full }],
    ['gbraid alone does not write _gcl_aw', { gbraid: 'gb' }, {}, undefined],
  ])('_gcl_aw: %s', (_name, clickIds, existing, expected) => {
    expect(byName(run(clickIds, { ...browserIds, ...existing }), '_gcl_aw')).toEqual(expected);
  });

  it.each<[string, string, string | undefined]>([
    ['_fbp', 'fb.1.1596403881.1116446470', `fb.1.${nowMs}.0`], // seconds instead of milliseconds
    ['_fbp', 'fb.1.1596403881668.notanumber', `fb.1.${nowMs}.0`],
    ['_fbp', '', `fb.1.${nowMs}.0`],
    ['_ttp', 'bad', '0'.repeat(27)],
    ['_ttp', 'has spaces in it', '0'.repeat(27)],
    ['_scid', 'x;y', '00000000-0000-4000-8000-000000000000'],
    ['_scid', 'x'.repeat(201), '00000000-0000-4000-8000-000000000000'],
  ])('replaces a malformed %s (%j)', (name, bad, replacement) => {
    expect(byName(run({}, { ...browserIds, [name]: bad }), name)).toEqual({ name, value: replacement, maxAgeSeconds: full });
  });

  it('keeps a browser id written by the platform pixel in a format we do not generate', () => {
    const pixelTtp = '01HZXW3Y4F5M6N7P8Q9R0STUVW_.tt.1';
    expect(byName(run({}, { ...browserIds, _ttp: pixelTtp }), '_ttp')).toEqual({ name: '_ttp', value: pixelTtp, maxAgeSeconds: full });
  });

  it('uses the injected randomness', () => {
    let n = 0;
    const random = () => [0.1, 0.2, 0.3][n++ % 3] ?? 0;
    const cookies = run({}, {}, random);
    expect(byName(cookies, '_fbp')?.value).toBe(`fb.1.${nowMs}.${Math.floor(0.1 * 2_147_483_647)}`);
    expect(byName(cookies, '_ttp')?.value).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(byName(cookies, '_scid')?.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [-5]])('refuses a broken clock (%d)', (bad) => {
    expect(() => platformCookiesToSet({ clickIds: {}, existing: {}, nowMs: bad, random: () => 0 })).toThrow(RangeError);
  });
});

describe('browserIdsFromCookies', () => {
  const fbc = 'fb.1.1554763741205.AbCdEfGh';
  const gcl = 'GCL.1690000000.Cj0KCQ';

  it.each<[string, Record<string, string | undefined>, ReturnType<typeof browserIdsFromCookies>]>([
    ['all present', { _fbc: fbc, _fbp: fbp, _gcl_aw: gcl, _ttp: ttp, _scid: scid, other: 'x' }, { fbc, fbp, gclAw: gcl, ttp, scid }],
    ['none present', {}, { fbc: null, fbp: null, gclAw: null, ttp: null, scid: null }],
    ['undefined values', { _fbc: undefined, _scid: undefined }, { fbc: null, fbp: null, gclAw: null, ttp: null, scid: null }],
    ['malformed values become null', { _fbc: 'fb.1.123.x', _fbp: 'nope', _gcl_aw: 'GCL..x', _ttp: 'a b', _scid: '' }, { fbc: null, fbp: null, gclAw: null, ttp: null, scid: null }],
    ['values are passed on verbatim, appendix included', { _fbc: `${fbc}.AQ`, _fbp: `${fbp}.AQEAAQMB` }, { fbc: `${fbc}.AQ`, fbp: `${fbp}.AQEAAQMB`, gclAw: null, ttp: null, scid: null }],
    ['cookie names are case-sensitive', { _FBC: fbc, _Fbp: fbp }, { fbc: null, fbp: null, gclAw: null, ttp: null, scid: null }],
  ])('%s', (_name, cookies, expected) => {
    expect(browserIdsFromCookies(cookies)).toEqual(expected);
  });
});
