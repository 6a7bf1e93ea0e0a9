import { describe, expect, it } from 'vitest';
import { isSha256Hex, sha256Hex } from './hash.js';
import { type MatchData } from './match-data.js';
import { snapchatUserData, type SnapchatUserData } from './snapchat.js';
import { blankLead, saudiLead } from './test-fixtures.js';

describe('snapchatUserData', () => {
  it('maps a complete Saudi lead to Snapchat user_data', () => {
    expect(snapchatUserData(saudiLead)).toEqual({
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
      external_id: sha256Hex('usr_01jabcdef'),
      client_ip_address: '203.0.113.7',
      client_user_agent: saudiLead.userAgent,
      sc_click_id: saudiLead.scClickId,
      sc_cookie1: saudiLead.scCookie1,
    } satisfies SnapchatUserData);
  });

  it.each([
    ['Saudi Arabia, 00 prefix', { phone: '00966501234567' }, '966501234567'],
    ['Saudi Arabia, national trunk 0', { phone: '0501234567', country: 'SA' }, '966501234567'],
    ['UAE', { phone: '+971 50 123 4567' }, '971501234567'],
    ['UK, trunk 0 written after the country code', { phone: '+44 (0)20 7946 0958' }, '442079460958'],
    ['UK, national format', { phone: '020 7946 0958', country: 'GB' }, '442079460958'],
    ['US', { phone: '+1 (650) 555-1212' }, '16505551212'],
  ])('ph for %s: digits only, no 00, no trunk 0, with country code', (_label, input, digits) => {
    expect(snapchatUserData(input).ph).toEqual([sha256Hex(digits)]);
  });

  it.each<[keyof SnapchatUserData, keyof MatchData, string]>([
    ['client_ip_address', 'ip', '198.51.100.23'],
    ['client_user_agent', 'userAgent', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)'],
    ['sc_click_id', 'scClickId', '4b3b2a6a-1b54-4c0e-9e0c-7b7d4c3f1a22'],
    ['sc_cookie1', 'scCookie1', '1f0b5c86-3d2e-4a8b-9c1d-2e3f4a5b6c7d'],
  ])('never hashes %s', (field, input, value) => {
    expect(snapchatUserData({ [input]: value })).toEqual({ [field]: value });
  });

  it('hashes every personal field (64 lowercase hex)', () => {
    const out = snapchatUserData(saudiLead);
    for (const key of ['fn', 'ln', 'ge', 'db', 'ct', 'st', 'zp', 'country', 'external_id'] as const) {
      expect(isSha256Hex(out[key] ?? '')).toBe(true);
    }
    expect([...(out.em ?? []), ...(out.ph ?? [])].every(isSha256Hex)).toBe(true);
  });

  it('passes already-hashed values through unchanged', () => {
    const em = sha256Hex('person@example.com');
    const ph = sha256Hex('448444124653');
    expect(snapchatUserData({ email: em, phone: ph })).toEqual({ em: [em], ph: [ph] });
  });

  it('sends nothing at all for blank and whitespace values', () => {
    expect(snapchatUserData(blankLead)).toEqual({});
  });

  it('sends several phones as one list', () => {
    expect(snapchatUserData({ phone: ['+966501234567', '+971501234567'] }).ph).toEqual([
      sha256Hex('966501234567'),
      sha256Hex('971501234567'),
    ]);
  });
});
