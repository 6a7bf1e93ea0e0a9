import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventProblems } from './capi-events.js';
import { localMidnightIso, localParts, microToMinor, parseZonedIso, toMicro, uuidFrom } from './units.js';

describe('Snapchat units', () => {
  it.each([
    ['USD', 1234, 12_340_000],
    ['SAR', 5000, 50_000_000],
    ['JPY', 500, 500_000_000],
    ['KWD', 1500, 1_500_000],
  ])('%s: %i minor units are %i micro, and back', (currency, minor, micro) => {
    expect(toMicro(minor, currency)).toBe(micro);
    expect(microToMinor(micro, currency)).toBe(minor);
  });

  it('refuses micro amounts that are not whole minor units', () => {
    expect(microToMinor(12_345, 'USD')).toBeNull();
    expect(microToMinor(1_500, 'KWD')).toBeNull();
  });

  it.each([
    ['2025-01-01', 'America/Los_Angeles', '2025-01-01T00:00:00.000-08:00'],
    ['2025-03-09', 'America/Los_Angeles', '2025-03-09T00:00:00.000-08:00'],
    ['2025-03-10', 'America/Los_Angeles', '2025-03-10T00:00:00.000-07:00'],
    ['2026-11-25', 'Asia/Riyadh', '2026-11-25T00:00:00.000+03:00'],
    ['2026-11-25', 'Asia/Kolkata', '2026-11-25T00:00:00.000+05:30'],
    ['2026-11-25', 'UTC', '2026-11-25T00:00:00.000+00:00'],
  ])('local midnight of %s in %s is %s', (date, tz, iso) => {
    expect(localMidnightIso(date, tz)).toBe(iso);
    expect(localParts(tz, parseZonedIso(iso)!)).toEqual({ date, time: '00:00:00.000' });
  });

  it.each([
    ['2025-01-01T00:00:00.000-08:00', true],
    ['2025-01-01T00:00:00-0800', true],
    ['2025-01-01T08:00:00Z', true],
    ['2025-01-01T00:00:00', false],
    ['2025-01-01', false],
    ['yesterday', false],
  ])('parses %s: %s', (value, ok) => {
    expect(parseZonedIso(value) !== null).toBe(ok);
  });

  it('derives stable version-5-shaped UUIDs', () => {
    expect(uuidFrom('pixel:x')).toBe(uuidFrom('pixel:x'));
    expect(uuidFrom('pixel:x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFrom('pixel:y')).not.toBe(uuidFrom('pixel:x'));
  });
});

describe('Conversions API event checks', () => {
  const now = 1_800_000_000;
  // Snap's documented hashing examples (reference doc): person@example.com and +44 844 412 4653.
  const em = '542d240129883c019e106e3b1b2d3f3cb3537c43c425364de8e951d5a3083345';
  const ph = 'dc008fda46e2e64002cf2f82a4906236282d431c4f75e5b60bfe79fc48546383';
  const base = { event_name: 'SIGN_UP', event_time: now - 10, action_source: 'WEB', event_source_url: 'https://x.example/', user_data: { em: [em], ph: [ph] } };

  it('accepts the documented hashes', () => {
    expect(createHash('sha256').update('person@example.com').digest('hex')).toBe(em);
    expect(createHash('sha256').update('448444124653').digest('hex')).toBe(ph);
    expect(eventProblems(base, 0, now)).toEqual([]);
  });

  it.each([
    ['an app event without a page URL', { action_source: 'MOBILE_APP', event_source_url: undefined }, []],
    ['a digit-string event_time', { event_time: String(now - 10) }, []],
    ['IP and user agent instead of email', { user_data: { client_ip_address: '2001:db8::1', client_user_agent: 'UA' } }, []],
    ['an event 8 days old', { event_time: now - 8 * 86_400 }, ['timestamp']],
    ['a non-object event', null, ['invalid_value']],
  ])('%s', (_name, overrides, kinds) => {
    const event = overrides === null ? 'not-an-event' : { ...base, ...overrides };
    expect(eventProblems(event, 0, now).map((p) => p.kind)).toEqual(kinds);
  });
});
