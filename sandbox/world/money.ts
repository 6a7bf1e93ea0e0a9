/** ISO 4217 exponents that differ from 2 (the sandbox only needs the currencies ad accounts use). */
const EXPONENTS: Record<string, number> = {
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLP: 0, ISK: 0, JPY: 0, KRW: 0, PYG: 0, UGX: 0, VND: 0, XAF: 0, XOF: 0,
};

/** Rough value of one major unit in SAR, so amounts look right in any currency. */
const SAR_PER_UNIT: Record<string, number> = {
  SAR: 1, USD: 3.75, AED: 1.02, KWD: 12.2, QAR: 1.03, BHD: 9.95, OMR: 9.74, JOD: 5.29, EGP: 0.077,
  EUR: 4.05, GBP: 4.75, JPY: 0.025, KRW: 0.0027, INR: 0.045, TRY: 0.11, PKR: 0.013,
};

export function minorExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/** A SAR amount expressed in `currency` minor units, rounded to a whole major unit (budgets look set by hand). */
export function sarToMinor(sar: number, currency: string, roundMajor = true): number {
  const major = sar / (SAR_PER_UNIT[currency] ?? 1);
  const unit = 10 ** minorExponent(currency);
  if (!roundMajor) return Math.max(1, Math.round(major * unit));
  const step = major >= 500 ? 50 : major >= 100 ? 10 : 1;
  return Math.max(1, Math.round(major / step)) * step * unit;
}

/** `SAR`-scaled price in exact minor units (not rounded to whole units): CPMs, order values. */
export function sarPriceMinor(sar: number, currency: string): number {
  return sarToMinor(sar, currency, false);
}
