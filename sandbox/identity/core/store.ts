import { randomBytes } from 'node:crypto';

/** The person the tester signs in as on the sandbox's sign-in page. */
export interface IdpUser {
  email: string;
  name: string;
  /** Whether the provider vouches for the address (Google's and Apple's `email_verified`, Microsoft's `xms_edov`). */
  emailVerified: boolean;
}

/** An authorization request, held while the sign-in page is open (real providers keep it in their session). */
export interface AuthRequest {
  id: string;
  clientId: string;
  redirectUri: string;
  responseMode: 'query' | 'form_post';
  scopes: string[];
  state: string | null;
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: 'S256' | 'plain' | null;
  loginHint: string | null;
  /** Microsoft's path tenant (`common`, `organizations`, `consumers` or a GUID); null elsewhere. */
  tenant: string | null;
  expiresAt: number;
}

export interface CodeGrant {
  request: AuthRequest;
  user: IdpUser;
  expiresAt: number;
  usedAt: number | null;
}

export interface AccessGrant {
  claims: Record<string, unknown>;
  expiresAt: number;
}

/** A provider's in-memory state: open sign-in pages, codes, access tokens, and who has consented to which app. */
export class IdpStore {
  readonly requests = new Map<string, AuthRequest>();
  readonly codes = new Map<string, CodeGrant>();
  readonly accessTokens = new Map<string, AccessGrant>();
  /** `client_id sub` pairs already authorized (Apple sends the user's name only the first time). */
  readonly consents = new Set<string>();

  /** Drops what has expired; called on each write so the maps cannot grow without bound. */
  sweep(now: number): void {
    for (const [k, v] of this.requests) if (v.expiresAt < now) this.requests.delete(k);
    // Used codes are kept until they expire so a replay is recognised as one.
    for (const [k, v] of this.codes) if (v.expiresAt < now) this.codes.delete(k);
    for (const [k, v] of this.accessTokens) if (v.expiresAt < now) this.accessTokens.delete(k);
  }
}

export const opaque = (bytes = 32): string => randomBytes(bytes).toString('base64url');
