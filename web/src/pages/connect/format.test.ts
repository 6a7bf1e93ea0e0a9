import { describe, expect, it } from 'vitest';
import { NOTHING, formatDateTime, formatPercentValue, formatSpend, formatWaitUntil } from './format';

describe('formatSpend', () => {
  it.each([
    [1_500_000, 'USD', 'en', '$15,000'],
    [800_000, 'USD', 'en', '$8,000'],
    [20_000, 'USD', 'en', '$200.00'],
    [825_050, 'SAR', 'en', 'SAR 8,251'],
    [12_345, 'SAR', 'en', 'SAR 123.45'],
    // JPY has no minor unit; KWD has three digits.
    [15_000, 'JPY', 'en', '¥15,000'],
    [1_500_000, 'KWD', 'en', 'KWD 1,500'],
    [null, 'USD', 'en', NOTHING],
  ])('%s %s (%s) → %s', (minor, currency, language, expected) => {
    expect(formatSpend(minor, currency, language).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it('keeps Latin digits in Arabic, with the currency named the Arabic way', () => {
    const text = formatSpend(1_500_000, 'SAR', 'ar');
    expect(text).toMatch(/15,000|15٬000/);
    expect(text).not.toMatch(/[٠-٩]/);
    expect(text).toMatch(/ر\.س/);
  });

  it('shows an amount even for a currency code the runtime does not know', () => {
    expect(formatSpend(1234, 'ZZZ', 'en')).toMatch(/1,234|12\.34/);
  });
});

describe('formatDateTime', () => {
  it('formats in the page language and the given zone, Latin digits in Arabic', () => {
    expect(formatDateTime('2026-11-12T14:05:00Z', 'en', 'UTC')).toMatch(/Nov 12, 2026.*2:05/);
    const ar = formatDateTime('2026-11-12T14:05:00Z', 'ar', 'UTC');
    expect(ar).toMatch(/2026/);
    expect(ar).not.toMatch(/[٠-٩]/);
  });

  it.each([[null], ['not a date']])('%s → —', (value) => {
    expect(formatDateTime(value, 'en')).toBe(NOTHING);
  });
});

describe('formatWaitUntil', () => {
  const now = new Date('2026-11-12T10:00:00Z');
  it('is just the time later today, the full date on another day', () => {
    expect(formatWaitUntil('2026-11-12T10:05:00Z', 'en', now, 'UTC')).toMatch(/^10:05\s?AM$/);
    expect(formatWaitUntil('2026-11-13T01:00:00Z', 'en', now, 'UTC')).toMatch(/Nov 13, 2026/);
  });
});

describe('formatPercentValue', () => {
  it.each([
    [0, 'en', '0%'],
    [65, 'en', '65%'],
    [100, 'en', '100%'],
    [140, 'en', '100%'],
  ])('%s (%s) → %s', (value, language, expected) => {
    expect(formatPercentValue(value, language)).toBe(expected);
  });

  it('uses Latin digits in Arabic', () => {
    expect(formatPercentValue(65, 'ar')).toMatch(/65/);
  });
});
