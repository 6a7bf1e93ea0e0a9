import { describe, expect, it } from 'vitest';
import { isSha256Hex, sha256Hex } from './hash.js';
import { type MatchData } from './match-data.js';
import { metaUserData, type MetaUserData } from './meta.js';
import { blankLead, saudiLead } from './test-fixtures.js';

describe('metaUserData', () => {
  it('maps a complete Saudi lead to Meta user_data', () => {
    expect(metaUserData(saudiLead)).toEqual({
      em: [sha256Hex('mohammed.alqahtani@gmail.com')],
      ph: [sha256Hex('966501234567')],
      fn: sha256Hex('محمد'),
      ln: sha256Hex('عبدالله'),
      ge: sha256Hex('m'),
      db: sha256Hex('19900115'),
      ct: sha256Hex('الرياض'),
      st: sha256Hex('riyadhprovince'),
      zp: sha256Hex('12271'),
      country: sha256Hex('sa'),
      external_id: [sha256Hex('usr_01jabcdef')],
      client_ip_address: '203.0.113.7',
      client_user_agent: saudiLead.userAgent,
      fbc: saudiLead.fbc,
      fbp: saudiLead.fbp,
      ctwa_clid: saudiLead.ctwaClid,
    } satisfies MetaUserData);
  });

  it.each([
    ['Saudi Arabia', { phone: '+966501234567' }, '966501234567'],
    ['Saudi Arabia, national format', { phone: '050 123 4567', country: 'SA' }, '966501234567'],
    ['UAE', { phone: '+971501234567' }, '971501234567'],
    ['UAE, 00 prefix', { phone: '00971501234567' }, '971501234567'],
    ['UK, trunk 0 in brackets', { phone: '+44 (0)20 7946 0958' }, '442079460958'],
    ['US', { phone: '+16505551212' }, '16505551212'],
  ])('ph for %s: digits with country code, no +', (_label, input, digits) => {
    expect(metaUserData(input).ph).toEqual([sha256Hex(digits)]);
  });

  it.each<[keyof MetaUserData, keyof MatchData, string]>([
    ['client_ip_address', 'ip', '2001:db8::7'],
    ['client_user_agent', 'userAgent', 'Mozilla/5.0 (Linux; Android 14)'],
    ['fbc', 'fbc', 'fb.1.1554763741205.IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk'],
    ['fbp', 'fbp', 'fb.1.1558571054389.1098115397'],
    ['ctwa_clid', 'ctwaClid', 'ARAkLkA8rmlFeiCktEJQ'],
  ])('never hashes %s', (field, input, value) => {
    const out = metaUserData({ [input]: value });
    expect(out).toEqual({ [field]: value });
    expect(isSha256Hex(value)).toBe(false);
  });

  it('hashes every field Meta requires hashed (64 lowercase hex)', () => {
    const out = metaUserData(saudiLead);
    for (const key of ['fn', 'ln', 'ge', 'db', 'ct', 'st', 'zp', 'country'] as const) expect(isSha256Hex(out[key] ?? '')).toBe(true);
    for (const key of ['em', 'ph', 'external_id'] as const) expect(out[key]?.every(isSha256Hex)).toBe(true);
  });

  it('passes values that arrive already hashed through unchanged', () => {
    const email = sha256Hex('someone@example.com');
    const phone = sha256Hex('966501234567');
    const out = metaUserData({ email, phone, firstName: sha256Hex('mary').toUpperCase(), externalId: sha256Hex('x') });
    expect(out).toEqual({ em: [email], ph: [phone], fn: sha256Hex('mary'), external_id: [sha256Hex('x')] });
  });

  it('sends nothing at all for blank and whitespace values', () => {
    expect(metaUserData(blankLead)).toEqual({});
    expect(metaUserData({})).toEqual({});
  });

  it('drops values no platform could match rather than hashing them', () => {
    expect(
      metaUserData({ email: 'not-an-email', phone: '12', gender: 'x', dateOfBirth: '1997-02-30', country: 'Saudi', ip: 'localhost' }),
    ).toEqual({});
  });

  it('sends several addresses as one list, without duplicates', () => {
    expect(metaUserData({ email: ['A@Example.com', 'a@example.com ', 'b@example.com'] }).em).toEqual([
      sha256Hex('a@example.com'),
      sha256Hex('b@example.com'),
    ]);
  });

  it('maps a US state name to its code and keeps the first five digits of a ZIP+4', () => {
    const out = metaUserData({ state: 'California', zip: '94035-1234', city: 'Menlo Park', country: 'US' });
    expect(out).toEqual({ st: sha256Hex('ca'), zp: sha256Hex('94035'), ct: sha256Hex('menlopark'), country: sha256Hex('us') });
  });
});
