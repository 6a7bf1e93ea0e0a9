import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage, negotiateLandingLanguage } from './landing-language.js';

describe('fromAcceptLanguage', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['ar-SA', 'ar'],
    ['ar-SA,ar;q=0.9,en;q=0.8', 'ar'],
    ['en-US,en;q=0.9,ar;q=0.8', 'en'],
    ['fr-FR,fr;q=0.9,ar;q=0.5,en;q=0.4', 'ar'],
    ['en;q=0.5, ar;q=0.9', 'ar'],
    ['ar;q=0, en', 'en'],
    ['de, fr', null],
    ['*', null],
    ['AR_sa', 'ar'],
  ] as const)('%s → %s', (header, expected) => {
    expect(fromAcceptLanguage(header)).toBe(expected);
  });
});

describe('negotiateLandingLanguage', () => {
  const req = (over: Partial<Parameters<typeof negotiateLandingLanguage>[0]> = {}) => ({
    query: {},
    cookie: undefined,
    acceptLanguage: undefined,
    ...over,
  });

  it.each([
    ['nothing at all', req(), 'en', false],
    ['?lang=ar', req({ query: { lang: 'ar' } }), 'ar', true],
    ['?lng=ar (the app’s parameter)', req({ query: { lng: 'ar' } }), 'ar', true],
    ['?lang wins over ?lng', req({ query: { lang: 'en', lng: 'ar' } }), 'en', true],
    ['?lang=ar over an English cookie', req({ query: { lang: 'ar' }, cookie: 'en' }), 'ar', true],
    ['an unknown ?lang falls through to the cookie', req({ query: { lang: 'xx' }, cookie: 'ar' }), 'ar', false],
    ['the cookie over Accept-Language', req({ cookie: 'en', acceptLanguage: 'ar-SA' }), 'en', false],
    ['Accept-Language: ar-SA', req({ acceptLanguage: 'ar-SA' }), 'ar', false],
    ['a garbled cookie is ignored', req({ cookie: '<script>', acceptLanguage: 'ar' }), 'ar', false],
  ] as const)('%s', (_name, input, language, explicit) => {
    expect(negotiateLandingLanguage(input)).toEqual({ language, explicit });
  });
});
