import { describe, expect, it } from 'vitest';
import { googleClickId, googleMaxUserIdentifiers, googleUserIdentifiers, type GoogleUserIdentifier } from './google.js';
import { sha256Hex } from './hash.js';
import { type MatchData } from './match-data.js';
import { blankLead, saudiLead } from './test-fixtures.js';

const source = 'FIRST_PARTY' as const;
const email = (normalized: string): GoogleUserIdentifier => ({ userIdentifierSource: source, hashedEmail: sha256Hex(normalized) });
const phone = (e164: string): GoogleUserIdentifier => ({ userIdentifierSource: source, hashedPhoneNumber: sha256Hex(e164) });

describe('googleUserIdentifiers', () => {
  it('maps a Saudi lead to a click upload: hashed email (Gmail-folded) and E.164 phone only', () => {
    expect(googleUserIdentifiers(saudiLead)).toEqual([email('mohammedalqahtani@gmail.com'), phone('+966501234567')]);
  });

  it('adds the address for an adjustment upload, names hashed and the rest in clear', () => {
    expect(googleUserIdentifiers(saudiLead, 'conversionAdjustment')).toEqual([
      email('mohammedalqahtani@gmail.com'),
      phone('+966501234567'),
      {
        userIdentifierSource: source,
        addressInfo: {
          hashedFirstName: sha256Hex('محمد'),
          // Google keeps the space inside a name; Meta, Snapchat and TikTok remove it.
          hashedLastName: sha256Hex('عبد الله'),
          countryCode: 'SA',
          postalCode: '12271',
          city: 'الرياض',
          state: 'Riyadh Province',
        },
      },
    ]);
  });

  it.each([
    ['dots removed for gmail.com', 'John.Smith@gmail.com', 'johnsmith@gmail.com'],
    ['plus tag removed for gmail.com', 'johnsmith+ads@Gmail.com', 'johnsmith@gmail.com'],
    ['both for googlemail.com', 'Jane.Doe+Shopping@googlemail.com', 'janedoe@googlemail.com'],
    ['other domains untouched', 'jane.doe+news@example.com', 'jane.doe+news@example.com'],
  ])('hashedEmail: %s', (_label, input, normalized) => {
    expect(googleUserIdentifiers({ email: input })).toEqual([email(normalized)]);
  });

  it.each([
    ['Saudi Arabia', { phone: '+966501234567' }, '+966501234567'],
    ['Saudi Arabia, national format', { phone: '0501234567', country: 'SA' }, '+966501234567'],
    ['UAE', { phone: '00971 50 123 4567' }, '+971501234567'],
    ['UK', { phone: '+44 (0)20 7946 0958' }, '+442079460958'],
    ['US', { phone: '(650)555-1212', country: 'us' }, '+16505551212'],
  ])('hashedPhoneNumber for %s is hashed in E.164 with its +', (_label, input, e164) => {
    expect(googleUserIdentifiers(input)).toEqual([phone(e164)]);
  });

  it('leaves the address out when any of first name, last name, country or postal code is missing', () => {
    const { zip: _zip, ...withoutZip } = saudiLead;
    expect(googleUserIdentifiers({ ...withoutZip, email: null, phone: null }, 'conversionAdjustment')).toEqual([]);
    expect(googleUserIdentifiers({ firstName: 'Anna', lastName: 'Maria', zip: '12271', country: 'Saudi' }, 'conversionAdjustment')).toEqual([]);
  });

  it('never sends more than five identifiers: one of each kind first, then further emails, then phones', () => {
    const many: MatchData = {
      ...saudiLead,
      email: ['one@example.com', 'two@example.com', 'three@example.com', 'four@example.com'],
      phone: ['+966501234567', '+971501234567', '+442079460958'],
    };
    const ids = googleUserIdentifiers(many, 'conversionAdjustment');
    expect(ids).toHaveLength(googleMaxUserIdentifiers);
    expect(ids.map((id) => Object.keys(id).find((k) => k !== 'userIdentifierSource'))).toEqual([
      'hashedEmail',
      'hashedPhoneNumber',
      'addressInfo',
      'hashedEmail',
      'hashedEmail',
    ]);
    expect(ids[0]).toEqual(email('one@example.com'));
    expect(ids[3]).toEqual(email('two@example.com'));

    const clickIds = googleUserIdentifiers({ email: ['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io', 'e@x.io', 'f@x.io'], phone: ['+16505551212', '+442079460958'] });
    expect(clickIds).toEqual([email('a@x.io'), phone('+16505551212'), email('b@x.io'), email('c@x.io'), email('d@x.io')]);
  });

  it('counts two spellings of one Gmail address once', () => {
    expect(googleUserIdentifiers({ email: ['John.Smith@gmail.com', 'johnsmith+x@gmail.com'] })).toEqual([email('johnsmith@gmail.com')]);
  });

  it('sets exactly one identifier per entry (UserIdentifier is a oneof)', () => {
    for (const id of googleUserIdentifiers(saudiLead, 'conversionAdjustment')) {
      expect(Object.keys(id).filter((k) => k !== 'userIdentifierSource')).toHaveLength(1);
    }
  });

  it('passes already-hashed values through unchanged', () => {
    const digest = sha256Hex('johnsmith@gmail.com');
    expect(googleUserIdentifiers({ email: digest })).toEqual([{ userIdentifierSource: source, hashedEmail: digest }]);
  });

  it('sends nothing for blank and whitespace values', () => {
    expect(googleUserIdentifiers(blankLead, 'conversionAdjustment')).toEqual([]);
  });
});

describe('googleClickId', () => {
  it.each<[string, MatchData, ReturnType<typeof googleClickId>]>([
    ['gclid wins over braids', { gclid: 'EAIaIQob', wbraid: 'wb1', gbraid: 'gb1' }, { gclid: 'EAIaIQob' }],
    ['wbraid (web) over gbraid (app)', { wbraid: 'wb1', gbraid: 'gb1' }, { wbraid: 'wb1' }],
    ['gbraid alone', { gbraid: 'gb1' }, { gbraid: 'gb1' }],
    ['a blank gclid does not count', { gclid: '  ', gbraid: 'gb1' }, { gbraid: 'gb1' }],
    ['none', {}, {}],
  ])('%s', (_label, input, expected) => {
    expect(googleClickId(input)).toEqual(expected);
  });

  it('never hashes the click id', () => {
    expect(googleClickId({ gclid: saudiLead.gclid })).toEqual({ gclid: saudiLead.gclid });
  });
});
