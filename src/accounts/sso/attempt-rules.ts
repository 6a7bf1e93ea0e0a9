import { timingSafeEqual } from 'node:crypto';
import type { SsoProvider } from '../../db/schema/sso.js';

/** A sign-in round trip may take this long, from "Continue with …" to the callback. */
export const ATTEMPT_TTL_MS = 10 * 60 * 1000;

export type AttemptRefusal = 'unknown' | 'wrong_provider' | 'used' | 'expired' | 'other_browser';

export interface AttemptFacts {
  provider: SsoProvider;
  browserHash: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * Whether a callback may use this attempt: it exists, is for this provider, has not been
 * used, has not expired, and comes back to the browser that started it (the cookie's hash
 * matches). The last rule is what stops login CSRF: a callback URL carrying someone else's
 * `state` finishes nothing in a browser that did not start it.
 */
export function checkAttempt(
  attempt: AttemptFacts | undefined,
  ctx: { provider: SsoProvider; browserHash: string | null; now: Date },
): { ok: true } | { ok: false; reason: AttemptRefusal } {
  if (!attempt) return { ok: false, reason: 'unknown' };
  if (attempt.provider !== ctx.provider) return { ok: false, reason: 'wrong_provider' };
  if (attempt.usedAt !== null) return { ok: false, reason: 'used' };
  if (attempt.expiresAt.getTime() <= ctx.now.getTime()) return { ok: false, reason: 'expired' };
  if (ctx.browserHash === null || !sameHash(attempt.browserHash, ctx.browserHash)) return { ok: false, reason: 'other_browser' };
  return { ok: true };
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
