// Latin digits in both languages: status values are compared against logs,
// CLI output and dashboards, which all use them.
function numberLocale(language: string): string {
  return `${language}-u-nu-latn`;
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(numberLocale(language), { maximumFractionDigits: 1 }).format(value);
}

const DURATION_UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * "2 days, 3 hours, 4 minutes" in the UI language. Intl handles the plural
 * rules (Arabic has six forms), so no plural keys are needed in the catalogues.
 * Shows the largest non-zero unit and the one below it: uptime needs no more precision.
 */
export function formatDuration(totalSeconds: number, language: string): string {
  const locale = numberLocale(language);
  let remaining = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  let unitsLeft = 2;
  for (const [unit, size] of DURATION_UNITS) {
    const amount = Math.floor(remaining / size);
    remaining -= amount * size;
    if (parts.length === 0 && amount === 0) continue;
    if (amount > 0) {
      parts.push(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount));
    }
    if (--unitsLeft === 0) break;
  }
  if (parts.length === 0) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(0);
  }
  return new Intl.ListFormat(locale, { style: 'long', type: 'unit' }).format(parts);
}
