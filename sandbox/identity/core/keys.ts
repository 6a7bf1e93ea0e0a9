import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import { hexId } from '../../ids.js';

export interface KeyRing {
  /** The provider's JWKS document (public keys only). */
  jwks(): Promise<{ keys: JWK[] }>;
  /** A signed ID token (RS256, as all three providers sign them), with the key's `kid`. */
  sign(claims: JWTPayload): Promise<string>;
}

/** One RSA signing key per provider and process, made on first use: the sandbox keeps no state on disk. */
export function keyRing(): KeyRing {
  let key: Promise<{ kid: string; privateKey: CryptoKey; publicJwk: JWK }> | undefined;
  const load = () =>
    (key ??= (async () => {
      const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
      const kid = hexId(20);
      return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
    })());
  return {
    async jwks() {
      return { keys: [(await load()).publicJwk] };
    },
    async sign(claims) {
      const { kid, privateKey } = await load();
      return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey);
    },
  };
}
