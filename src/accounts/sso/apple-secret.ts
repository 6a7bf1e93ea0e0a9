import { importPKCS8, SignJWT } from 'jose';

export const APPLE_AUDIENCE = 'https://appleid.apple.com';
/** Apple accepts secrets up to six months long; a day keeps a leaked one short-lived. */
export const APPLE_SECRET_LIFETIME_S = 24 * 3600;

export interface AppleDeveloperKey {
  teamId: string;
  keyId: string;
  clientId: string;
  privateKeyPem: string;
}

/** The client secret's claims: iss = team id, sub = client id (the Services ID), aud = Apple. */
export function appleClientSecretClaims(k: Pick<AppleDeveloperKey, 'teamId' | 'clientId'>, now: Date) {
  const iat = Math.floor(now.getTime() / 1000);
  return { iss: k.teamId, sub: k.clientId, aud: APPLE_AUDIENCE, iat, exp: iat + APPLE_SECRET_LIFETIME_S };
}

/** Apple's client secret: an ES256 JWT signed with the developer's key, its id in `kid`. */
export async function appleClientSecret(k: AppleDeveloperKey, now: Date): Promise<string> {
  const key = await importPKCS8(k.privateKeyPem, 'ES256');
  return new SignJWT(appleClientSecretClaims(k, now)).setProtectedHeader({ alg: 'ES256', kid: k.keyId }).sign(key);
}

/** Signs once and reuses the secret until an hour before it expires. */
export function cachedAppleClientSecret(k: AppleDeveloperKey, clock: () => Date = () => new Date()): () => Promise<string> {
  let cached: { secret: Promise<string>; renewAfter: number } | undefined;
  return () => {
    const now = clock();
    if (!cached || now.getTime() >= cached.renewAfter) {
      const secret = appleClientSecret(k, now);
      cached = { secret, renewAfter: now.getTime() + (APPLE_SECRET_LIFETIME_S - 3600) * 1000 };
      // A failed signing must not be cached for a day.
      secret.catch(() => (cached = undefined));
    }
    return cached.secret;
  };
}
