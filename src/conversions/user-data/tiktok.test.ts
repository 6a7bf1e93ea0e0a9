import { describe, expect, it } from 'vitest';
import { isSha256Hex, sha256Hex } from './hash.js';
import { type MatchData } from './match-data.js';
import { blankLead, saudiLead } from './test-fixtures.js';
import { tiktokUser, type TiktokUser } from './tiktok.js';

describe('tiktokUser', () => {
  it('maps a complete Saudi lead to TikTok user', () => {
    expect(tiktokUser(saudiLead)).toEqual({
      email: [sha256Hex('mohammed.alqahtani@gmail.com')],
      phone: [sha256Hex('+966501234567')],
      external_id: [sha256Hex('usr_01jabcdef')],
      first_name: sha256Hex('محمد'),
      last_name: sha256Hex('عبدالله'),
      zip_code: sha256Hex('12271'),
      city: 'الرياض',
      state: 'riyadhprovince',
      country: 'sa',
      ttclid: saudiLead.ttclid,
      ttp: saudiLead.ttp,
      ip: '203.0.113.7',
      user_agent: saudiLead.userAgent,
    } satisfies TiktokUser);
  });

  it.each([
    ['Saudi Arabia', { phone: '0501234567', country: 'SA' }, '+966501234567'],
    ['UAE', { phone: '00971501234567' }, '+971501234567'],
    ['UK', { phone: '020 7946 0958', country: 'GB' }, '+442079460958'],
    ['US', { phone: '(650)555-1212', country: 'US' }, '+16505551212'],
  ])('phone for %s: hashed in E.164 with its +', (_label, input, e164) => {
    expect(tiktokUser(input).phone).toEqual([sha256Hex(e164)]);
  });

  it.each<[keyof TiktokUser, keyof MatchData, string]>([
    ['ttclid', 'ttclid', 'E.C.P.CqgBxVGvlGrVbYtW5pGvHRfjgdYQ'],
    ['ttp', 'ttp', '2F7h37YkS1j57AYSKTI7IHhJPYH'],
    ['ip', 'ip', '203.0.113.7'],
    ['user_agent', 'userAgent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)'],
  ])('never hashes %s', (field, input, value) => {
    expect(tiktokUser({ [input]: value })).toEqual({ [field]: value });
  });

  it('sends city, state and country in clear, lower-cased', () => {
    expect(tiktokUser({ city: 'Menlo Park', state: 'California', country: 'US' })).toEqual({
      city: 'menlopark',
      state: 'ca',
      country: 'us',
    });
  });

  it('hashes email, phone, external_id, names and zip (64 lowercase hex)', () => {
    const out = tiktokUser(saudiLead);
    for (const key of ['first_name', 'last_name', 'zip_code'] as const) expect(isSha256Hex(out[key] ?? '')).toBe(true);
    for (const key of ['email', 'phone', 'external_id'] as const) expect(out[key]?.every(isSha256Hex)).toBe(true);
  });

  it('passes already-hashed values through unchanged', () => {
    const email = sha256Hex('a@b.co');
    expect(tiktokUser({ email: [email, 'a@b.co'], externalId: sha256Hex('usr_1') })).toEqual({
      email: [email],
      external_id: [sha256Hex('usr_1')],
    });
  });

  it('sends nothing at all for blank and whitespace values', () => {
    expect(tiktokUser(blankLead)).toEqual({});
  });
});
