import { describe, expect, it } from 'vitest';
import { formatDuration, formatNumber } from './format';

describe('formatDuration', () => {
  it('shows the two most significant units', () => {
    expect(formatDuration(2 * 86_400 + 3 * 3_600 + 59, 'en')).toBe('2 days, 3 hours');
    expect(formatDuration(125, 'en')).toBe('2 minutes, 5 seconds');
  });

  it('drops a zero lower unit instead of printing it', () => {
    expect(formatDuration(3_600, 'en')).toBe('1 hour');
  });

  it('handles zero and negative input', () => {
    expect(formatDuration(0, 'en')).toBe('0 seconds');
    expect(formatDuration(-5, 'en')).toBe('0 seconds');
  });

  it('uses Arabic words with Latin digits', () => {
    const text = formatDuration(3 * 3_600 + 4 * 60, 'ar');
    expect(text).toMatch(/[\u0600-\u06FF]/);
    expect(text).toContain('3');
    expect(text).not.toMatch(/[\u0660-\u0669]/);
  });
});

describe('formatNumber', () => {
  it('uses Latin digits in Arabic too', () => {
    expect(formatNumber(1234.56, 'ar')).not.toMatch(/[\u0660-\u0669]/);
    expect(formatNumber(12.34, 'en')).toBe('12.3');
  });
});
