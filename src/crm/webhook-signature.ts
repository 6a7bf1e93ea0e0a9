import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stratum's webhook signature (docs/crm-webhook.md), the Stripe-like scheme:
 * `X-Stratum-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, with the
 * timestamp (Unix seconds) in `X-Stratum-Timestamp`, so a captured request cannot be replayed later.
 */
export const SIGNATURE_HEADER = 'x-stratum-signature';
export const TIMESTAMP_HEADER = 'x-stratum-timestamp';
export const EVENT_ID_HEADER = 'x-stratum-event-id';
/** How old a timestamp a receiver should accept. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** What a receiver does: recompute over the raw body, compare in constant time, check the age. */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: string,
  now: Date,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  if (!headers.signature || !headers.timestamp || !/^\d+$/.test(headers.timestamp)) return false;
  const ts = Number(headers.timestamp);
  if (Math.abs(now.getTime() / 1000 - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, rawBody));
  const given = Buffer.from(headers.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
