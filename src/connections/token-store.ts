import { z } from 'zod';
import type { PlatformId, TokenSet } from '../platforms/types.js';
import type { TokenVault } from './vault.js';

/** The ciphertext's associated data: a token set opens only on its own workspace's connection. */
const owner = (workspaceId: string, platform: PlatformId) => `${workspaceId}:${platform}`;

const storedSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
  refreshExpiresAt: z.string().nullable(),
  scopes: z.array(z.string()),
  extra: z.record(z.string(), z.string()),
});

export function sealTokens(vault: TokenVault, workspaceId: string, platform: PlatformId, t: TokenSet): { tokenCiphertext: string; tokenKeyId: string } {
  const json = JSON.stringify({
    accessToken: t.accessToken,
    refreshToken: t.refreshToken,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    refreshExpiresAt: t.refreshExpiresAt?.toISOString() ?? null,
    scopes: t.scopes,
    extra: t.extra,
  });
  const { ciphertext, keyId } = vault.seal(json, owner(workspaceId, platform));
  return { tokenCiphertext: ciphertext, tokenKeyId: keyId };
}

export function openTokens(vault: TokenVault, workspaceId: string, platform: PlatformId, ciphertext: string): TokenSet {
  const s = storedSchema.parse(JSON.parse(vault.open(ciphertext, owner(workspaceId, platform))));
  return {
    ...s,
    expiresAt: s.expiresAt ? new Date(s.expiresAt) : null,
    refreshExpiresAt: s.refreshExpiresAt ? new Date(s.refreshExpiresAt) : null,
  };
}

/** PKCE verifiers are sealed like tokens, bound to the attempt. */
export const sealVerifier = (vault: TokenVault, attemptId: string, verifier: string) => vault.seal(verifier, `oauth:${attemptId}`).ciphertext;
export const openVerifier = (vault: TokenVault, attemptId: string, sealed: string) => vault.open(sealed, `oauth:${attemptId}`);
