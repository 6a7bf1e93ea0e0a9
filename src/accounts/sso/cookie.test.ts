import type { FastifyReply } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { setAttemptCookie } from './cookie.js';

function cookieOptions(provider: 'google' | 'microsoft' | 'apple', publicUrl: string) {
  const setCookie = vi.fn();
  setAttemptCookie({ setCookie } as unknown as FastifyReply, provider, 'secret', publicUrl);
  return setCookie.mock.calls[0]![2] as Record<string, unknown>;
}

describe('the attempt cookie', () => {
  it.each<['google' | 'microsoft' | 'apple', string, Record<string, unknown>]>([
    // Redirect back (top-level GET): Lax is sent.
    ['google', 'https://app.example', { sameSite: 'lax', secure: true }],
    ['microsoft', 'https://app.example', { sameSite: 'lax', secure: true }],
    // Apple's cross-site form post carries only SameSite=None cookies, which need Secure.
    ['apple', 'https://app.example', { sameSite: 'none', secure: true }],
    // Plain http cannot have None; the local sandbox is the same site, so Lax arrives anyway.
    ['apple', 'http://localhost:3000', { sameSite: 'lax', secure: false }],
  ])('%s at %s', (provider, publicUrl, expected) => {
    expect(cookieOptions(provider, publicUrl)).toMatchObject({ ...expected, httpOnly: true, path: `/api/v1/auth/sso/${provider}/`, maxAge: 600 });
  });
});
