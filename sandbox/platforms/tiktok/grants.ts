import type { TokenGrant, World } from '../../world/types.js';

export type NewGrant = Omit<TokenGrant, 'token' | 'issuedAt' | 'revoked' | 'used' | 'expiresAt' | 'platform'> & { ttlSeconds: number | null };

/** Issues a TikTok code or token in the world; its expiry follows from `ttlSeconds` (null: never, as advertiser tokens). */
export function issueGrant(world: World, g: NewGrant): TokenGrant {
  const input = { ...g, platform: 'tiktok' as const, expiresAt: g.ttlSeconds === null ? null : new Date(world.now().getTime() + g.ttlSeconds * 1000) };
  return world.tokens.issue(input);
}
