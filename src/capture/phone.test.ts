import type { CountryCode } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { normalizePhone, type NormalizedPhone } from './phone.js';

const saudi: NormalizedPhone = { e164: '+966501234567', country: 'SA' };

describe('normalizePhone', () => {
  it.each<[string, CountryCode | undefined, NormalizedPhone]>([
    ['+966501234567', undefined, saudi],
    ['+966 50 123 4567', undefined, saudi],
    ['+966-50-123-4567', undefined, saudi],
    ['+966 (50) 123.4567', undefined, saudi],
    ['+966 (0) 50 123 4567', undefined, saudi],
    ['00966501234567', undefined, saudi],
    ['00 966 50 123 4567', undefined, saudi],
    ['0501234567', 'SA', saudi],
    ['050 123 4567', 'SA', saudi],
    ['(050) 123-4567', 'SA', saudi],
    ['501234567', 'SA', saudi],
    ['+966501234567', 'AE', saudi], // an explicit country code beats the default
    ['٠٥٠١٢٣٤٥٦٧', 'SA', saudi], // Arabic-Indic digits
    ['+٩٦٦٥٠١٢٣٤٥٦٧', undefined, saudi],
    ['٠٠٩٦٦٥٠١٢٣٤٥٦٧', undefined, saudi],
    ['٠٥٠ ١٢٣ ٤٥٦٧', 'SA', saudi],
    ['۰۵۰۱۲۳۴۵۶۷', 'SA', saudi], // Persian digits
    ['+۹۶۶ ۵۰ ۱۲۳ ۴۵۶۷', undefined, saudi],
    ['\u200F+966 50 123 4567\u200F', undefined, saudi], // right-to-left marks from Arabic text
    ['\u2066+966 50 123 4567\u2069', undefined, saudi],
    ['+966\u00A050\u00A0123\u00A04567', undefined, saudi], // no-break spaces
    ['+966–50–123–4567', undefined, saudi], // en dashes
    ['＋966501234567', undefined, saudi], // full-width plus
    ['  +966501234567  ', undefined, saudi],
    ['+966 11 123 4567', undefined, { e164: '+966111234567', country: 'SA' }], // Riyadh landline
    ['0501234567', 'AE', { e164: '+971501234567', country: 'AE' }], // the default country decides
    ['+971 50 123 4567', undefined, { e164: '+971501234567', country: 'AE' }],
    ['+965 5001 2345', undefined, { e164: '+96550012345', country: 'KW' }],
    ['+974 5512 3456', undefined, { e164: '+97455123456', country: 'QA' }],
    ['+973 3312 3456', undefined, { e164: '+97333123456', country: 'BH' }],
    ['+968 9123 4567', undefined, { e164: '+96891234567', country: 'OM' }],
    ['+1 415 555 2671', undefined, { e164: '+14155552671', country: 'US' }],
    ['+44 20 7183 8750', 'SA', { e164: '+442071838750', country: 'GB' }],
    ['+800 1234 5678', undefined, { e164: '+80012345678', country: undefined }], // non-geographic
  ])('%j (default %s)', (raw, country, expected) => {
    expect(normalizePhone(raw, country)).toEqual(expected);
  });

  it.each<[string, CountryCode | undefined]>([
    ['0501234567', undefined], // national format needs a default country
    ['+966401234567', undefined], // not a Saudi number range
    ['+966 50 123 456', undefined], // one digit short
    ['+966 5012345678', undefined], // one digit long
    ['', 'SA'],
    ['   ', 'SA'],
    ['abc', 'SA'],
    ['call me', 'SA'],
    ['0501234567 ext 5', 'SA'],
    ['tel:+966501234567', undefined],
    ['+966501234567+1', undefined],
    ['12', 'SA'],
    ['+'.padEnd(70, '9'), undefined],
    ['٠٥٠١٢٣٤٥٦٧x', 'SA'],
  ])('rejects %j (default %s)', (raw, country) => {
    expect(normalizePhone(raw, country)).toBeNull();
  });
});
