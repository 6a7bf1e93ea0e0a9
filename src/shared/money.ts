/**
 * Money is integer minor units plus an ISO 4217 code. The exponent (2 for SAR, 0 for JPY,
 * 3 for KWD) comes from the runtime's ICU data, which is maintained with the standard.
 */
const exponents = new Map<string, number>();

export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  let e = exponents.get(code);
  if (e === undefined) {
    e = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(code, e);
  }
  return e;
}

/**
 * A decimal amount in major units ("12.34", 12.34) to integer minor units, rounded half
 * away from zero. Strings are parsed digit by digit so "0.29" is 29, never 28.999….
 */
export function majorToMinor(amount: string | number, currency: string): number {
  const exp = currencyExponent(currency);
  const text = typeof amount === 'number' ? amount.toFixed(Math.max(exp + 2, 6)) : amount.trim();
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal amount: ${JSON.stringify(amount)}`);
  const sign = m[1] ? -1 : 1;
  const whole = m[2] || '0';
  const frac = (m[3] ?? '').padEnd(exp + 1, '0');
  const kept = Number(whole + frac.slice(0, exp));
  const roundUp = Number(frac[exp]) >= 5 ? 1 : 0;
  return sign * (kept + roundUp) || 0;
}

/** Micros (1/1,000,000 of the major unit, as Google and Snapchat count) to minor units, rounded half away from zero. */
export function microsToMinor(micros: string | number | bigint, currency: string): number {
  const exp = currencyExponent(currency);
  const value = BigInt(micros);
  const divisor = 10n ** BigInt(6 - exp);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const q = abs / divisor;
  const r = abs % divisor;
  const rounded = r * 2n >= divisor ? q + 1n : q;
  return Number(negative ? -rounded : rounded);
}

/** Minor units to micros (exact). */
export function minorToMicros(minor: number, currency: string): bigint {
  return BigInt(minor) * 10n ** BigInt(6 - currencyExponent(currency));
}

/** Minor units to a decimal string in major units ("12.30"), as TikTok and reports print them. */
export function minorToMajorString(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(exp + 1, '0');
  const text = exp === 0 ? digits : `${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
  return negative ? `-${text}` : text;
}
