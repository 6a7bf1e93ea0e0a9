import { describe, expect, it } from 'vitest';
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

const fbclid = 'IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk';

describe('parseFbc', () => {
  it.each([
    ['fb.1.1554763741205.AbCdEfGh', { subdomainIndex: 1, createdAtMs: 1554763741205, fbclid: 'AbCdEfGh', appendix: null }],
    [`fb.1.1657051589577.${fbclid}`, { subdomainIndex: 1, createdAtMs: 1657051589577, fbclid, appendix: null }],
    ['fb.2.1657051589577.IwZXh0bgNhZW0CMTAAAR-uK_5w', { subdomainIndex: 2, createdAtMs: 1657051589577, fbclid: 'IwZXh0bgNhZW0CMTAAAR-uK_5w', appendix: null }],
    ['fb.0.1657051589577.abc.AQ', { subdomainIndex: 0, createdAtMs: 1657051589577, fbclid: 'abc', appendix: 'AQ' }],
    ['fb.1.1657051589577.abc.AQEAAQMB', { subdomainIndex: 1, createdAtMs: 1657051589577, fbclid: 'abc', appendix: 'AQEAAQMB' }],
  ])('reads %s', (value, expected) => {
    expect(parseFbc(value)).toEqual(expected);
  });

  it.each([
    [undefined],
    [null],
    [''],
    ['fb.1.1554763741.abc'], // creation time in seconds: Meta requires milliseconds
    ['fb.1.15547637412050.abc'],
    ['fb.1.1554763741205.'],
    ['fb.1.1554763741205'],
    ['fb.1.1554763741205.a.b.c'],
    ['fb.x.1554763741205.abc'],
    ['FB.1.1554763741205.abc'],
    ['fb.1.1554763741205.ab c'],
    [' fb.1.1554763741205.abc'],
    ['fb.1.1554763741205.abc;path=/'],
    ['GCL.1690000000.abc'],
  ])('rejects %j', (value) => {
    expect(parseFbc(value)).toBeNull();
  });
});

describe('parseFbp', () => {
  it.each([
    ['fb.1.1596403881668.1116446470', { subdomainIndex: 1, createdAtMs: 1596403881668, randomNumber: '1116446470', appendix: null }],
    ['fb.1.1563219156649.99648351', { subdomainIndex: 1, createdAtMs: 1563219156649, randomNumber: '99648351', appendix: null }],
    ['fb.1.1657051589577.1088522659.AQEAAQMB', { subdomainIndex: 1, createdAtMs: 1657051589577, randomNumber: '1088522659', appendix: 'AQEAAQMB' }],
    ['fb.2.1657051589577.0', { subdomainIndex: 2, createdAtMs: 1657051589577, randomNumber: '0', appendix: null }],
  ])('reads %s', (value, expected) => {
    expect(parseFbp(value)).toEqual(expected);
  });

  it.each([[undefined], [''], ['fb.1.1596403881668.abc'], ['fb.1.1596403881.1116446470'], ['fb.1.1596403881668.'], ['1116446470']])('rejects %j', (value) => {
    expect(parseFbp(value)).toBeNull();
  });
});

describe('parseGclAw', () => {
  it.each([
    ['GCL.1690000000.Cj0KCQiAy-abc_DEF', { createdAtSeconds: 1690000000, gclid: 'Cj0KCQiAy-abc_DEF' }],
    ['GCL.1632912345.EAIaIQob', { createdAtSeconds: 1632912345, gclid: 'EAIaIQob' }],
    ['GCL.1690000000.Cj0KCQ.extra', { createdAtSeconds: 1690000000, gclid: 'Cj0KCQ' }],
  ])('reads %s', (value, expected) => {
    expect(parseGclAw(value)).toEqual(expected);
  });

  it.each([[undefined], [''], ['gcl.1690000000.abc'], ['GCL.1690000000123.abc'], ['GCL.1690000000.'], ['GCL.1690000000'], ['1.1690000000.abc'], ['GCL.abc.def']])('rejects %j', (value) => {
    expect(parseGclAw(value)).toBeNull();
  });
});

describe('builders', () => {
  const nowMs = 1_772_359_200_123;

  it('writes _fbc with the creation time in milliseconds and the fbclid verbatim', () => {
    expect(buildFbc(fbclid, nowMs)).toBe(`fb.1.1772359200123.${fbclid}`);
    expect(parseFbc(buildFbc(fbclid, nowMs))).toMatchObject({ fbclid, createdAtMs: nowMs });
  });

  it.each([['has.dot'], ['has space'], ['semi;colon'], [''], ['x'.repeat(501)]])('refuses an fbclid that would not round-trip: %j', (bad) => {
    expect(buildFbc(bad, nowMs)).toBeNull();
    expect(buildGclAw(bad, nowMs)).toBeNull();
  });

  it.each<[number, string]>([
    [0, 'fb.1.1772359200123.0'],
    [0.5, 'fb.1.1772359200123.1073741823'],
    [0.999999999, 'fb.1.1772359200123.2147483644'],
    [1, 'fb.1.1772359200123.2147483646'],
    [-3, 'fb.1.1772359200123.0'],
    [Number.NaN, 'fb.1.1772359200123.0'],
  ])('writes _fbp from random %d', (r, expected) => {
    const value = buildFbp(nowMs, () => r);
    expect(value).toBe(expected);
    expect(parseFbp(value)).not.toBeNull();
  });

  it('writes _gcl_aw with the creation time in whole seconds', () => {
    expect(buildGclAw('Cj0KCQ', nowMs)).toBe('GCL.1772359200.Cj0KCQ');
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [-1]])('refuses a broken clock (%d)', (bad) => {
    expect(() => buildFbp(bad, () => 0)).toThrow(RangeError);
  });

  it('writes a 27-character base62 _ttp and a v4 UUID _scid', () => {
    let n = 0;
    const random = () => (n++ * 0.37) % 1;
    expect(buildTtp(random)).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(buildScid(random)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(buildScid(() => 0)).toBe('00000000-0000-4000-8000-000000000000');
  });
});

describe('parseOpaqueBrowserId', () => {
  it.each([
    ['2F7h37YkS1j57AYSKTI7IHhJPYH', true], // TikTok's own _ttp example
    ['01HZXW3Y4F5M6N7P8Q9R0STUVW_.tt.1', true],
    ['7b3a7917-a82a-47e8-9728-e1b3b045abb2', true],
    ['short', false],
    ['', false],
    ['has space inside', false],
    ['semi;colon-value', false],
    ['x'.repeat(201), false],
  ])('%j → %s', (value, ok) => {
    expect(parseOpaqueBrowserId(value)).toBe(ok ? value : null);
  });

  it('treats a missing cookie as absent', () => {
    expect(parseOpaqueBrowserId(undefined)).toBeNull();
  });
});
