import { describe, expect, it } from 'vitest';
import { planSignupConversions } from '../../capture/conversion-plan.js';
import { googleUserIdentifiers } from './google.js';
import { sha256Hex } from './hash.js';
import { matchDataFromStored, matchDataSchema } from './match-data.js';
import { metaUserData } from './meta.js';
import { snapchatUserData } from './snapchat.js';
import { tiktokUser } from './tiktok.js';

describe('matchDataFromStored', () => {
  // Exactly what signup planning writes into the outbox today.
  const [meta, google, tiktok, snapchat] = planSignupConversions({
    email: 'Sara@Example.com',
    phoneE164: '+971501234567',
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0',
    landingUrl: 'https://example.com/?fbclid=abc',
    externalId: 'usr_01JX',
    fbclid: 'abc',
    fbc: 'fb.1.1700000000000.abc',
    fbp: 'fb.1.1700000000000.123456789',
    gclid: 'EAIaIQob',
    ttclid: 'E.C.P.x',
    ttp: '2F7h37YkS1j57AYSKTI7IHhJPYH',
    sccid: 'sc-click',
    scid: 'sc-cookie-1234',
  });

  it('reads the stored keys of each platform row', () => {
    expect(matchDataFromStored(meta?.matchData)).toEqual({
      email: 'Sara@Example.com',
      phone: '+971501234567',
      externalId: 'usr_01JX',
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
      fbc: 'fb.1.1700000000000.abc',
      fbp: 'fb.1.1700000000000.123456789',
    });
    expect(matchDataFromStored(snapchat?.matchData)).toMatchObject({ scClickId: 'sc-click', scCookie1: 'sc-cookie-1234' });
  });

  it('feeds each platform mapper end to end', () => {
    expect(metaUserData(matchDataFromStored(meta?.matchData))).toMatchObject({
      em: [sha256Hex('sara@example.com')],
      ph: [sha256Hex('971501234567')],
      fbc: 'fb.1.1700000000000.abc',
    });
    expect(googleUserIdentifiers(matchDataFromStored(google?.matchData))).toHaveLength(2);
    expect(tiktokUser(matchDataFromStored(tiktok?.matchData))).toMatchObject({ phone: [sha256Hex('+971501234567')], ttclid: 'E.C.P.x' });
    expect(snapchatUserData(matchDataFromStored(snapchat?.matchData))).toMatchObject({ sc_click_id: 'sc-click', sc_cookie1: 'sc-cookie-1234' });
  });

  it('ignores keys that are not user data', () => {
    expect(matchDataFromStored({ event_source_url: 'https://example.com', fbclid: 'abc', email: 'a@b.co' })).toEqual({ email: 'a@b.co' });
  });

  it.each([[null], ['a string'], [[1, 2]], [{ email: 42 }]])('rejects a stored value that is not a record of strings: %j', (stored) => {
    expect(() => matchDataFromStored(stored)).toThrow();
  });
});

describe('matchDataSchema', () => {
  it('accepts one value or a list for email and phone, and nulls anywhere', () => {
    expect(matchDataSchema.parse({ email: ['a@b.co', 'c@d.co'], phone: '+966501234567', city: null })).toEqual({
      email: ['a@b.co', 'c@d.co'],
      phone: '+966501234567',
      city: null,
    });
  });

  it.each([
    [{ email: Array.from({ length: 11 }, (_, i) => `${i}@x.io`) }],
    [{ userAgent: 'x'.repeat(2001) }],
    [{ firstName: 7 }],
  ])('rejects garbage %#', (input) => {
    expect(matchDataSchema.safeParse(input).success).toBe(false);
  });
});
