import { z } from 'zod';
import type { SsoProvider } from '../../db/schema/sso.js';

/** Who the provider says signed in, reduced to what account matching needs. */
export interface ProviderIdentity {
  provider: SsoProvider;
  subject: string;
  email: string | null;
  /** Whether the provider vouches that this person controls `email`. */
  emailVerified: boolean;
  name: string | null;
}

const truthy = (v: unknown) => v === true || v === 'true' || v === 1 || v === '1';

// Apple's one-time `user` field is unsigned: only the name is taken from it, never the email.
const appleUserSchema = z.object({ name: z.object({ firstName: z.string().max(100).optional(), lastName: z.string().max(100).optional() }).optional() });

function appleName(user: string | undefined): string | null {
  if (!user) return null;
  try {
    const parsed = appleUserSchema.safeParse(JSON.parse(user));
    const n = parsed.success ? parsed.data.name : undefined;
    const full = [n?.firstName, n?.lastName].filter((s) => s && s.trim() !== '').join(' ').trim();
    return full === '' ? null : full;
  } catch {
    return null;
  }
}

/**
 * Reads a validated ID token's claims. How a provider vouches for an address differs:
 * Google and Apple say `email_verified` (Apple as the string "true"); Microsoft's tokens
 * carry no `email_verified`, and its `email` can be set by any tenant admin, so only the
 * optional `xms_edov` claim (the domain's owner is verified) counts there.
 */
export function identityFromClaims(provider: SsoProvider, claims: Record<string, unknown>, appleUser?: string): ProviderIdentity {
  const email = typeof claims.email === 'string' && claims.email.includes('@') ? claims.email.trim() : null;
  const emailVerified = email !== null && (provider === 'microsoft' ? truthy(claims.xms_edov) : truthy(claims.email_verified));
  const tokenName = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim().slice(0, 200) : null;
  return {
    provider,
    subject: String(claims.sub),
    email,
    emailVerified,
    name: tokenName ?? (provider === 'apple' ? appleName(appleUser) : null),
  };
}
