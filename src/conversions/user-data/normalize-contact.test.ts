import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizeEmailForGoogle, phoneDigits, toE164 } from './normalize-contact.js';

describe('normalizeEmail (Meta, TikTok, Snapchat)', () => {
  it.each([
    ['John_Smith@gmail.com', 'john_smith@gmail.com'],
    ['  Person@Example.COM ', 'person@example.com'],
    // Only Google folds Gmail spellings; the others hash the address as typed.
    ['John.Smith+ads@gmail.com', 'john.smith+ads@gmail.com'],
    ['فاطمة@مثال.السعودية', 'فاطمة@مثال.السعودية'],
    ['not-an-email', undefined],
    ['two words@example.com', undefined],
    ['user@localhost', undefined],
    ['@example.com', undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});

describe('normalizeEmailForGoogle', () => {
  it.each([
    ['John.Smith@gmail.com', 'johnsmith@gmail.com'],
    ['john.smith+newsletter@gmail.com', 'johnsmith@gmail.com'],
    ['Jane.Doe+Shopping@GoogleMail.com', 'janedoe@googlemail.com'],
    ['j.o.h.n+a+b@gmail.com', 'john@gmail.com'],
    // Other domains keep their dots and plus tags.
    ['jane.doe+newsletter@example.com', 'jane.doe+newsletter@example.com'],
    ['john.smith@gmail.co.uk', 'john.smith@gmail.co.uk'],
    ['a.b@mail.gmail.com', 'a.b@mail.gmail.com'],
    // Nothing left of the mailbox: not an address.
    ['+tag@gmail.com', undefined],
    ['...@gmail.com', undefined],
    ['no-at-sign', undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeEmailForGoogle(input)).toBe(expected);
  });
});

describe('toE164 and phoneDigits', () => {
  it.each<[string, string | undefined, string | undefined]>([
    // Saudi Arabia
    ['+966501234567', undefined, '+966501234567'],
    ['0501234567', 'SA', '+966501234567'],
    ['00966501234567', undefined, '+966501234567'],
    ['٠٥٠١٢٣٤٥٦٧', 'sa', '+966501234567'],
    ['+966 50 123 4567', undefined, '+966501234567'],
    // United Arab Emirates
    ['+971501234567', undefined, '+971501234567'],
    ['050 123 4567', 'AE', '+971501234567'],
    ['00971 50 123 4567', undefined, '+971501234567'],
    // United Kingdom: national trunk 0, written or in brackets, disappears.
    ['+442079460958', undefined, '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['+44 (0)20 7946 0958', undefined, '+442079460958'],
    ['0044 20 7946 0958', undefined, '+442079460958'],
    // United States
    ['(650)555-1212', 'US', '+16505551212'],
    ['+1 (650) 555-1212', undefined, '+16505551212'],
    // A national number without a country cannot be placed; neither can text.
    ['0501234567', undefined, undefined],
    ['0501234567', 'ZZ', undefined],
    ['call me maybe', 'SA', undefined],
  ])('%j (country %j) → %j', (input, country, expected) => {
    expect(toE164(input, country)).toBe(expected);
    expect(phoneDigits(input, country)).toBe(expected?.slice(1));
  });
});
