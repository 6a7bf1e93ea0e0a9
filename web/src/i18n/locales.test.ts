import { describe, expect, it } from 'vitest';
import accountAr from './locales/account/ar.json';
import accountEn from './locales/account/en.json';
import ar from './locales/ar.json';
import en from './locales/en.json';
import landingAr from './locales/landing/ar.json';
import landingEn from './locales/landing/en.json';

type Catalogue = { [key: string]: string | Catalogue } | readonly (string | Catalogue)[];

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

// The account strings load separately (./account.ts) but are one catalogue with the rest;
// the landing page's are read only when it is prerendered (pages/landing/copy.ts).
const enKeys = flatten({ ...en, account: accountEn, landing: landingEn });
const arKeys = flatten({ ...ar, account: accountAr, landing: landingAr });

describe('translation catalogues', () => {
  it('have exactly the same keys in English and Arabic', () => {
    expect([...arKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...enKeys, ...arKeys]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [key, value] of enKeys) {
      expect(placeholders(arKeys.get(key) ?? ''), key).toEqual(placeholders(value));
    }
  });

  it('keep the account strings out of the main catalogues, so they stay out of the landing bundle', () => {
    expect(en).not.toHaveProperty('account');
    expect(ar).not.toHaveProperty('account');
  });

  it('translate the signup form into Arabic script rather than copying English', () => {
    expect(accountAr.signup.title).toMatch(/[\u0600-\u06FF]/);
    expect(accountAr.signup.submit).not.toBe(accountEn.signup.submit);
  });

  it('keep the landing page strings out of the app catalogues (the page is prerendered)', () => {
    expect(en).not.toHaveProperty('landing');
    expect(ar).not.toHaveProperty('landing');
  });

  it('translate the hero into Arabic script rather than copying English', () => {
    expect(landingAr.hero.title).toMatch(/[\u0600-\u06FF]/);
    expect(landingAr.hero.title).not.toBe(landingEn.hero.title);
  });
});
