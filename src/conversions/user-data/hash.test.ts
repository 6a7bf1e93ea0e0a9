import { describe, expect, it } from 'vitest';
import { hashIdentifier, isSha256Hex, sha256Hex } from './hash.js';

const digestOfAbc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', digestOfAbc],
    // UTF-8 bytes, not UTF-16: the platforms hash the UTF-8 encoding of non-Latin text.
    ['정', '8fa8cd9c440be61d0151429310034083132b35975c4bea67fdd74158eb51db14'],
  ])('hashes %j', (input, digest) => {
    expect(sha256Hex(input)).toBe(digest);
  });
});

describe('isSha256Hex', () => {
  it.each([
    [digestOfAbc, true],
    [digestOfAbc.toUpperCase(), false],
    [digestOfAbc.slice(1), false],
    [`${digestOfAbc}0`, false],
    [`${digestOfAbc.slice(1)}g`, false],
    [` ${digestOfAbc}`, false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isSha256Hex(value)).toBe(expected);
  });
});

describe('hashIdentifier', () => {
  const lower = (v: string) => v.toLowerCase();

  it('hashes the normalized value', () => {
    expect(hashIdentifier('ABC', lower)).toBe(digestOfAbc);
  });

  it('passes a lowercase digest through unchanged instead of hashing it twice', () => {
    expect(hashIdentifier(digestOfAbc, () => 'never used')).toBe(digestOfAbc);
  });

  it('passes an upper-case digest through in lowercase', () => {
    expect(hashIdentifier(digestOfAbc.toUpperCase(), () => 'never used')).toBe(digestOfAbc);
  });

  it.each([[() => undefined], [() => '']])('never hashes an empty normalization (%#)', (normalize) => {
    expect(hashIdentifier('something', normalize)).toBeUndefined();
  });
});
