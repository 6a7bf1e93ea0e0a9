import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

// Computed independently: printf '1795600000.{"id":"evt_1"}' | openssl dgst -sha256 -hmac whsec_test_0123456789abcdef
const SECRET = 'whsec_test_0123456789abcdef';
const VECTOR = 'sha256=87c1d0353f3f0cd7a40a3fd90cbb13f619869fbcdd8fd4edd75354aa438dbfd1';
const at = (s: number) => new Date(s * 1000);

describe('webhook signature', () => {
  it('matches the documented test vector (HMAC-SHA256 of "<timestamp>.<body>")', () => {
    expect(signWebhook(SECRET, 1795600000, '{"id":"evt_1"}')).toBe(VECTOR);
  });

  it.each([
    ['the right signature, on time', VECTOR, '1795600000', '{"id":"evt_1"}', 1795600100, true],
    ['a changed body', VECTOR, '1795600000', '{"id":"evt_2"}', 1795600100, false],
    ['a changed timestamp', VECTOR, '1795600001', '{"id":"evt_1"}', 1795600100, false],
    ['a replay after 5 minutes', VECTOR, '1795600000', '{"id":"evt_1"}', 1795600301, false],
    ['no signature', undefined, '1795600000', '{"id":"evt_1"}', 1795600000, false],
    ['a truncated signature', VECTOR.slice(0, 20), '1795600000', '{"id":"evt_1"}', 1795600000, false],
    ['a timestamp that is not a number', VECTOR, '17956e5', '{"id":"evt_1"}', 1795600000, false],
  ])('verifies: %s', (_case, signature, timestamp, body, now, ok) => {
    expect(verifyWebhook(SECRET, { signature, timestamp }, body, at(now))).toBe(ok);
  });

  it('depends on the secret', () => {
    expect(verifyWebhook('another-secret-of-16+', { signature: VECTOR, timestamp: '1795600000' }, '{"id":"evt_1"}', at(1795600000))).toBe(false);
  });
});
