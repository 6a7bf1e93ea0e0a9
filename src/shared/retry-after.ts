/**
 * An HTTP Retry-After value (delay-seconds or an HTTP date, RFC 9110 §10.2.3) as milliseconds
 * from `now`; null when absent or unreadable. A date in the past is 0.
 */
export function retryAfterFrom(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
