import { describe, expect, it } from 'vitest';
import { currencyExponent, majorToMinor, microsToMinor, minorToMajorString, minorToMicros } from './money.js';

describe('money', () => {
  it.each([
    ['SAR', 2], ['USD', 2], ['JPY', 0], ['KWD', 3], ['BHD', 3], ['OMR', 3], ['AED', 2],
  ])('%s has exponent %i', (c, e) => expect(currencyExponent(c)).toBe(e));

  it.each([
    ['12.34', 'SAR', 1234], ['0.29', 'USD', 29], ['12', 'SAR', 1200], ['12.345', 'SAR', 1235], ['12.344', 'SAR', 1234],
    ['1500', 'JPY', 1500], ['1500.5', 'JPY', 1501], ['1.2345', 'KWD', 1235], ['.5', 'USD', 50], ['-3.10', 'USD', -310],
    [12.34, 'SAR', 1234], [0.1 + 0.2, 'USD', 30],
  ] as const)('major %s %s → %i minor', (a, c, m) => expect(majorToMinor(a, c)).toBe(m));

  it('rejects what is not a decimal amount', () => {
    for (const bad of ['', 'abc', '1,5', '1.2.3', '.']) expect(() => majorToMinor(bad, 'USD')).toThrow(RangeError);
  });

  it.each([
    ['12340000', 'SAR', 1234], ['12345000', 'SAR', 1235], ['12344999', 'SAR', 1234], ['1500000000', 'JPY', 1500], ['1234500', 'KWD', 1235], [0, 'USD', 0],
  ] as const)('micros %s %s → %i minor', (a, c, m) => expect(microsToMinor(a, c)).toBe(m));

  it('round trips minor → micros and → major strings', () => {
    expect(minorToMicros(1234, 'SAR')).toBe(12_340_000n);
    expect(minorToMicros(1500, 'JPY')).toBe(1_500_000_000n);
    expect(minorToMajorString(1234, 'SAR')).toBe('12.34');
    expect(minorToMajorString(5, 'USD')).toBe('0.05');
    expect(minorToMajorString(1500, 'JPY')).toBe('1500');
    expect(minorToMajorString(1235, 'KWD')).toBe('1.235');
    expect(minorToMajorString(-310, 'USD')).toBe('-3.10');
  });
});
