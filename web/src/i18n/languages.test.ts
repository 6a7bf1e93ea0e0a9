import { describe, expect, it } from 'vitest';
import { directionOf, otherLanguage, toSupportedLanguage } from './languages';

describe('toSupportedLanguage', () => {
  it.each([
    ['ar-SA', 'ar'],
    ['ar_AE', 'ar'],
    ['AR', 'ar'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('maps %s to %s', (tag, expected) => {
    expect(toSupportedLanguage(tag)).toBe(expected);
  });
});

describe('direction and toggling', () => {
  it('lays Arabic out right-to-left and English left-to-right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });

  it('toggles between the two languages', () => {
    expect(otherLanguage('en')).toBe('ar');
    expect(otherLanguage('ar')).toBe('en');
  });
});
