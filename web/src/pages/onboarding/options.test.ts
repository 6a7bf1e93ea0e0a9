import { getCountries } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import {
  GULF_COUNTRIES,
  KPI_TARGET_DEFAULTS,
  OTHER_CURRENCIES,
  PRIORITY_CURRENCIES,
  countryOptions,
  currencyOptions,
  formatPercent,
  isCustomTarget,
  parseDecimal,
  snapThreshold,
  targetAfterKpiChange,
  timeZoneOptions,
  bidiIsolate,
} from './options';

describe('countryOptions', () => {
  const codes = getCountries();

  it('lists the Gulf first, in order, then every other country once', () => {
    const { first, rest } = countryOptions(codes, 'en');
    expect(first.map((o) => o.value)).toEqual([...GULF_COUNTRIES]);
    expect(first[0]?.label).toBe('Saudi Arabia');
    const all = [...first, ...rest].map((o) => o.value);
    expect(new Set(all).size).toBe(codes.length);
    expect(rest.some((o) => (GULF_COUNTRIES as readonly string[]).includes(o.value))).toBe(false);
  });

  it('sorts the rest by their English names', () => {
    const labels = countryOptions(codes, 'en').rest.map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('en').compare));
    expect(labels.indexOf('Egypt')).toBeLessThan(labels.indexOf('Jordan'));
  });

  it('names and sorts countries in Arabic for the Arabic UI', () => {
    const { first, rest } = countryOptions(codes, 'ar');
    expect(first[0]).toEqual({ value: 'SA', label: 'المملكة العربية السعودية' });
    expect(first[1]?.label).toBe('الإمارات العربية المتحدة');
    const labels = rest.map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('ar').compare));
    // Alif-initial names ("الأردن", Jordan) come before yaa-initial ones ("اليمن", Yemen).
    expect(labels.indexOf('الأردن')).toBeLessThan(labels.indexOf('اليمن'));
    expect(rest.every((o) => /[\u0600-\u06FF]/.test(o.label))).toBe(true);
  });

  it('leaves out a Gulf country the list does not have', () => {
    const { first, rest } = countryOptions(['SA', 'EG', 'AE'], 'en');
    expect(first.map((o) => o.value)).toEqual(['SA', 'AE']);
    expect(rest.map((o) => o.value)).toEqual(['EG']);
  });
});

describe('currencyOptions', () => {
  it('offers the region and reporting currencies first, in that order', () => {
    const { first } = currencyOptions('en');
    expect(first.map((o) => o.value)).toEqual([...PRIORITY_CURRENCIES]);
    expect(first[0]?.label).toBe('SAR · Saudi Riyal');
  });

  it('names currencies in Arabic and sorts the rest by name', () => {
    const { first, rest } = currencyOptions('ar');
    expect(first[0]?.label).toBe('SAR · ريال سعودي');
    expect(rest).toHaveLength(OTHER_CURRENCIES.length);
    const labels = rest.map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('ar').compare));
  });

  it('adds a suggested currency that is not listed, but nothing invalid', () => {
    expect(currencyOptions('en', 'GHS').rest.map((o) => o.value)).toContain('GHS');
    expect(currencyOptions('en', 'SAR').rest.map((o) => o.value)).not.toContain('SAR');
    expect(currencyOptions('en', 'nope').rest.map((o) => o.value)).not.toContain('nope');
  });
});

describe('timeZoneOptions', () => {
  const at = new Date('2025-01-15T12:00:00Z');

  it('labels zones with their offset and keeps them alphabetical', () => {
    const options = timeZoneOptions(['Europe/London', 'Asia/Riyadh', 'America/New_York'], 'en', undefined, at);
    expect(options.map((o) => o.value)).toEqual(['America/New_York', 'Asia/Riyadh', 'Europe/London']);
    expect(options[0]?.label).toBe('America/New York (GMT-5)');
    expect(options[1]?.label).toBe('Asia/Riyadh (GMT+3)');
    // ICU versions write UTC itself as "GMT" or "GMT+0".
    expect(options[2]?.label).toMatch(/^Europe\/London \(GMT(\+0)?\)$/);
  });

  it('always lists the selected zone, even under a name the browser does not list', () => {
    const options = timeZoneOptions(['Asia/Calcutta', 'UTC'], 'en', 'Asia/Kolkata', at);
    expect(options.map((o) => o.value)).toEqual(['Asia/Calcutta', 'Asia/Kolkata', 'UTC']);
    expect(options[1]?.label).toBe('Asia/Kolkata (GMT+5:30)');
  });

  it('writes the offset in Arabic with Latin digits', () => {
    const [riyadh] = timeZoneOptions(['Asia/Riyadh'], 'ar', undefined, at);
    expect(riyadh?.label).toMatch(/^Asia\/Riyadh \(.*3\)$/);
    expect(riyadh?.label).not.toMatch(/[٠-٩]/);
  });
});

describe('targetAfterKpiChange', () => {
  it('switches to the new KPI suggestion when the target was not typed', () => {
    expect(targetAfterKpiChange({ from: 'ROAS', to: 'CPA', text: '3', edited: false })).toEqual({ text: '100', edited: false });
    expect(targetAfterKpiChange({ from: 'CPA', to: 'CPL', text: '100', edited: false })).toEqual({ text: '50', edited: false });
    expect(targetAfterKpiChange({ from: 'CPL', to: 'Revenue', text: '50', edited: false })).toEqual({ text: '100000', edited: false });
    expect(targetAfterKpiChange({ from: 'Revenue', to: 'ROAS', text: '100000', edited: false })).toEqual({ text: '3', edited: false });
  });

  it('keeps a typed amount between money KPIs', () => {
    expect(targetAfterKpiChange({ from: 'CPA', to: 'CPL', text: '75', edited: true })).toEqual({ text: '75', edited: true });
  });

  it('replaces a typed value that would change meaning (a ROAS multiple is not an amount)', () => {
    expect(targetAfterKpiChange({ from: 'ROAS', to: 'CPA', text: '4.5', edited: true })).toEqual({ text: '100', edited: false });
    expect(targetAfterKpiChange({ from: 'CPL', to: 'ROAS', text: '40', edited: true })).toEqual({ text: '3', edited: false });
  });

  it('fills an emptied field with the suggestion', () => {
    expect(targetAfterKpiChange({ from: 'CPA', to: 'CPL', text: '  ', edited: true })).toEqual({ text: '50', edited: false });
  });

  it('knows a saved suggestion from a custom target', () => {
    expect(isCustomTarget('ROAS', KPI_TARGET_DEFAULTS.ROAS)).toBe(false);
    expect(isCustomTarget('CPA', 80)).toBe(true);
  });
});

describe('parseDecimal', () => {
  it('reads Latin and Arabic-Indic digits and separators', () => {
    expect(parseDecimal('3')).toBe(3);
    expect(parseDecimal(' 2.5 ')).toBe(2.5);
    expect(parseDecimal('100,000')).toBe(100_000);
    expect(parseDecimal('٣٫٥')).toBe(3.5);
    expect(parseDecimal('١٠٠٬٠٠٠')).toBe(100_000);
    expect(parseDecimal('۴۵')).toBe(45);
    expect(parseDecimal('.5')).toBe(0.5);
  });

  it('refuses what is not a plain positive decimal', () => {
    for (const text of ['', 'abc', '1e3', '-5', '3x', '1.2.3', '.']) expect(parseDecimal(text), text).toBeUndefined();
  });
});

describe('formatPercent and snapThreshold', () => {
  it('formats with Latin digits in both languages', () => {
    expect(formatPercent(70, 'en')).toBe('70%');
    expect(formatPercent(70, 'ar')).toMatch(/^70\D*%\D*$/);
  });

  it('snaps to steps of 5 within 0–100', () => {
    expect(snapThreshold(72)).toBe(70);
    expect(snapThreshold(73)).toBe(75);
    expect(snapThreshold(-10)).toBe(0);
    expect(snapThreshold(140)).toBe(100);
    expect(snapThreshold(Number.NaN)).toBe(70);
  });
});

describe('bidiIsolate', () => {
  it('wraps text in first-strong isolate marks and keeps it readable', () => {
    expect(bidiIsolate('Sara')).toBe('\u2068Sara\u2069');
    expect(bidiIsolate('فاطمة')).toContain('فاطمة');
  });
});
