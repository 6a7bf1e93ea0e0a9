import { describe, expect, it } from 'vitest';
import { sha256Hex } from './hash.js';
import { clean, cleanAll, cleanIp, compact, hashed, hashedAll } from './shared.js';

describe('clean', () => {
  it.each<[string | null | undefined, string | undefined]>([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['  \t\n ', undefined],
    ['\u00a0', undefined],
    ['\u200f\u200e', undefined],
    [' Mary ', 'Mary'],
    // Right-to-left marks pasted around an Arabic name are not part of it.
    ['\u200fمحمد\u200e', 'محمد'],
    ['Vale\u0301ry', 'Val\u00e9ry'],
  ])('%j → %j', (input, expected) => {
    expect(clean(input)).toBe(expected);
  });
});

describe('cleanAll', () => {
  it('accepts one value or several and drops the blank ones', () => {
    expect(cleanAll(' a ')).toEqual(['a']);
    expect(cleanAll(['a', ' ', '', 'b '])).toEqual(['a', 'b']);
    expect(cleanAll(null)).toEqual([]);
  });
});

describe('hashed / hashedAll', () => {
  const lower = (v: string) => v.toLowerCase();

  it('never hashes a blank value', () => {
    expect(hashed('   ', lower)).toBeUndefined();
    expect(hashedAll(['', ' '], lower)).toBeUndefined();
  });

  it('drops values that normalize to the same string', () => {
    expect(hashedAll(['A@x.io', 'a@x.io ', 'b@x.io'], lower)).toEqual([sha256Hex('a@x.io'), sha256Hex('b@x.io')]);
  });
});

describe('cleanIp', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['2001:db8::1', '2001:db8::1'],
    ['999.1.1.1', undefined],
    ['unknown', undefined],
    ['', undefined],
  ])('%j → %j', (input, expected) => {
    expect(cleanIp(input)).toBe(expected);
  });
});

describe('compact', () => {
  it('keeps only the fields that have a value', () => {
    expect(compact({ a: 1, b: undefined, c: '' })).toEqual({ a: 1, c: '' });
    expect(Object.keys(compact({ a: undefined }))).toEqual([]);
  });
});
