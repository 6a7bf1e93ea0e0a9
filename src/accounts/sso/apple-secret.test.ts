import { createPublicKey } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { sandboxSsoClients } from './sandbox-clients.js';
import { appleClientSecret, appleClientSecretClaims, cachedAppleClientSecret } from './apple-secret.js';

const key = { ...sandboxSsoClients.apple };
const now = new Date('2026-11-20T10:00:00Z');

describe('Apple client secret', () => {
  it('has the claims Apple requires', () => {
    expect(appleClientSecretClaims(key, now)).toEqual({
      iss: 'SANDBOXT1M',
      sub: 'com.stratum.sandbox.signin',
      aud: 'https://appleid.apple.com',
      iat: 1795168800,
      exp: 1795168800 + 86400,
    });
  });

  it('is an ES256 JWT with the key id, verifiable with the key\'s public half', async () => {
    const jwt = await appleClientSecret(key, now);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', kid: 'SANDBOXK1D' });
    const publicKey = createPublicKey(key.privateKeyPem);
    const { payload } = await jwtVerify(jwt, publicKey, { audience: 'https://appleid.apple.com', issuer: 'SANDBOXT1M', subject: key.clientId, currentDate: now });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(15_777_000);
  });

  it('is reused until an hour before it expires, then renewed', async () => {
    let t = now;
    const secret = cachedAppleClientSecret(key, () => t);
    const first = await secret();
    t = new Date(now.getTime() + 22 * 3600 * 1000);
    expect(await secret()).toBe(first);
    t = new Date(now.getTime() + 23 * 3600 * 1000);
    expect(await secret()).not.toBe(first);
  });
});
