import { describe, expect, it } from 'vitest';
import { normalizeDateOfBirth, normalizeGender, normalizeNameCompact, normalizeNameForGoogle } from './normalize-person.js';

describe('normalizeNameCompact (Meta, Snapchat, TikTok)', () => {
  it.each([
    ['Mary', 'mary'],
    ['Valéry', 'valéry'],
    ["Mary-Jane O'Neil", 'maryjaneoneil'],
    ['Mary Ann', 'maryann'],
    ['Dr. J.R.R.', 'drjrr'],
    // Arabic letters are kept as UTF-8; spaces and Arabic punctuation go like any other.
    ['محمد', 'محمد'],
    ['عبد الله', 'عبدالله'],
    ['نورة،', 'نورة'],
    ['!!!', undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeNameCompact(input)).toBe(expected);
  });
});

describe('normalizeNameForGoogle', () => {
  it.each([
    ['Anna Maria', 'anna maria'],
    ["O'Connor-Smith", "o'connor-smith"],
    ['عبد الله', 'عبد الله'],
    ['  Łukasz ', 'łukasz'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeNameForGoogle(input)).toBe(expected);
  });
});

describe('normalizeGender', () => {
  it.each([
    ['f', 'f'],
    ['F', 'f'],
    ['Female', 'f'],
    ['أنثى', 'f'],
    ['m', 'm'],
    [' MALE ', 'm'],
    ['ذكر', 'm'],
    ['other', undefined],
    ['', undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeGender(input)).toBe(expected);
  });
});

describe('normalizeDateOfBirth', () => {
  it.each([
    ['1997-02-16', '19970216'],
    ['19970216', '19970216'],
    ['2000-02-29', '20000229'],
    ['1999-02-29', undefined],
    ['1997-13-01', undefined],
    ['1899-12-31', undefined],
    ['2/16/1997', undefined],
    ['', undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeDateOfBirth(input)).toBe(expected);
  });
});
