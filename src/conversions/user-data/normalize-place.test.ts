import { describe, expect, it } from 'vitest';
import { normalizeCity, normalizeCountry, normalizeState, normalizeZip } from './normalize-place.js';

describe('normalizeCity', () => {
  it.each([
    ['Menlo Park', 'menlopark'],
    ['St. Louis', 'stlouis'],
    ['Dubai 2', 'dubai'],
    ['الرياض', 'الرياض'],
    ['Jeddah (جدة)', 'jeddahجدة'],
    ['123', undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCity(input)).toBe(expected);
  });
});

describe('normalizeState', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['CA', 'US', 'ca'],
    ['California', 'US', 'ca'],
    ['New York', undefined, 'ny'],
    ['new-york', 'us', 'ny'],
    // Outside the US there is no code table: lowercase without spaces or punctuation.
    ['Riyadh Province', 'SA', 'riyadhprovince'],
    ['Georgia', 'GE', 'georgia'],
    ['دبي', 'AE', 'دبي'],
    ['--', 'US', undefined],
  ])('%j (country %j) → %j', (input, country, expected) => {
    expect(normalizeState(input, country)).toBe(expected);
  });
});

describe('normalizeZip', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['94035', 'US', '94035'],
    ['94035-1234', 'US', '94035'],
    ['940351234', undefined, '94035'],
    ['W1 1AA', 'GB', 'w11aa'],
    ['SW1A 2AA', 'GB', 'sw1a2aa'],
    ['12271', 'SA', '12271'],
    ['12271-4567', 'SA', '122714567'],
    ['1', 'SA', undefined],
  ])('%j (country %j) → %j', (input, country, expected) => {
    expect(normalizeZip(input, country)).toBe(expected);
  });
});

describe('normalizeCountry', () => {
  it.each([
    ['US', 'us'],
    ['sa', 'sa'],
    [' AE ', 'ae'],
    ['USA', undefined],
    ['Saudi Arabia', undefined],
    ['1', undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCountry(input)).toBe(expected);
  });
});
