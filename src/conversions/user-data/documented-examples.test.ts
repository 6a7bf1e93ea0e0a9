import { describe, expect, it } from 'vitest';
import { googleUserIdentifiers } from './google.js';
import { type MatchData } from './match-data.js';
import { metaUserData } from './meta.js';
import { snapchatUserData } from './snapchat.js';

// The examples the platforms print in their own documentation, with their published digests
// (shared/reference/platform-apis.md, "Documented hashing examples"; Meta's customer information
// parameters page; Snap's Conversions API Parameters page). The digests are literals on purpose:
// they do not come from our own hash function.
describe('Meta documented examples', () => {
  it.each<[string, MatchData, keyof ReturnType<typeof metaUserData>, string | string[]]>([
    ['em John_Smith@gmail.com', { email: 'John_Smith@gmail.com' }, 'em', ['62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f']],
    ['ph US (650)555-1212', { phone: '(650)555-1212', country: 'US' }, 'ph', ['e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176']],
    ['ph the same number stored as E.164', { phone: '+16505551212' }, 'ph', ['e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176']],
    // Meta's input is 2/16/1997; Stratum stores YYYY-MM-DD. Both normalize to 19970216.
    ['db 1997-02-16', { dateOfBirth: '1997-02-16' }, 'db', '01acdbf6ec7b4f478a225f1a246e5d6767eeab1a7ffa17f025265b5b94f40f0c'],
    ['country US', { country: 'US' }, 'country', '79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621'],
    ['fn Mary', { firstName: 'Mary' }, 'fn', '6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec'],
    ['fn 정', { firstName: '정' }, 'fn', '8fa8cd9c440be61d0151429310034083132b35975c4bea67fdd74158eb51db14'],
    ['fn Valéry', { firstName: 'Valéry' }, 'fn', '08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c'],
    // The same name typed with a combining accent (e + U+0301) must hash identically.
    ['fn Valéry decomposed', { firstName: 'Vale\u0301ry' }, 'fn', '08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c'],
    ['ln Valéry', { lastName: 'Valéry' }, 'ln', '08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c'],
  ])('%s', (_label, input, field, digest) => {
    expect(metaUserData(input)[field]).toEqual(digest);
  });
});

describe('Snapchat documented examples', () => {
  it.each<[string, MatchData, keyof ReturnType<typeof snapchatUserData>, string | string[]]>([
    ['ph +44 844 412 4653', { phone: '+44 844 412 4653' }, 'ph', ['dc008fda46e2e64002cf2f82a4906236282d431c4f75e5b60bfe79fc48546383']],
    ['em Person@Example.com', { email: 'Person@Example.com' }, 'em', ['542d240129883c019e106e3b1b2d3f3cb3537c43c425364de8e951d5a3083345']],
    ['em person@example.com', { email: 'person@example.com' }, 'em', ['542d240129883c019e106e3b1b2d3f3cb3537c43c425364de8e951d5a3083345']],
    ['fn John', { firstName: 'John' }, 'fn', '96d9632f363564cc3032521409cf22a852f2032eec099ed5967c0d000cec607a'],
    ['fn Raphaël', { firstName: 'Raphaël' }, 'fn', 'e74bb89e718fe1e19c422a48382870399f8bf7ca8dfa008739e75b0be76627b7'],
  ])('%s', (_label, input, field, digest) => {
    expect(snapchatUserData(input)[field]).toEqual(digest);
  });
});

describe('Google documented example', () => {
  it("hashes the sample's phone +1 800 5550102 as +18005550102 (digest recomputed here)", () => {
    expect(googleUserIdentifiers({ phone: '+1 800 5550102' })).toEqual([
      { userIdentifierSource: 'FIRST_PARTY', hashedPhoneNumber: 'c5383c2eeada28210d27f011bc127d4f9562cf38ff0c9bba33dd45ae79b9fe7c' },
    ]);
  });
});
