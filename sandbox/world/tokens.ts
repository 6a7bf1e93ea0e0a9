import { randomBytes } from 'node:crypto';
import type { AdPlatformId, TokenCheck, TokenGrant, World } from './types.js';

/** Opaque tokens shaped like each platform's, so a log line shows at a glance whose token it is. */
function mint(platform: AdPlatformId, kind: TokenGrant['kind']): string {
  const body = randomBytes(32).toString('base64url');
  switch (platform) {
    case 'meta':
      return kind === 'code' ? `AQ${body}` : `EAAB${body.replace(/[-_]/g, 'Z')}`;
    case 'google':
      return kind === 'code' ? `4/0${body}` : kind === 'refresh' ? `1//0${body}` : `ya29.${body}`;
    case 'tiktok':
      return randomBytes(20).toString('hex');
    case 'snapchat':
      return kind === 'access' ? `eyJ${body}` : body;
  }
}

export function createTokens(now: () => Date): World['tokens'] {
  const stores = new Map<AdPlatformId, Map<string, TokenGrant>>();
  const store = (p: AdPlatformId): Map<string, TokenGrant> => {
    let s = stores.get(p);
    if (!s) stores.set(p, (s = new Map()));
    return s;
  };

  const check = (platform: AdPlatformId, token: string, kind: TokenGrant['kind']): TokenCheck => {
    const grant = store(platform).get(token);
    if (!grant || grant.kind !== kind) return { ok: false, reason: 'unknown' };
    if (grant.revoked) return { ok: false, reason: 'revoked' };
    if (grant.used) return { ok: false, reason: 'used' };
    if (grant.expiresAt && grant.expiresAt.getTime() <= now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, grant };
  };

  return {
    issue(g) {
      const { ttlSeconds, token, ...rest } = g;
      const issuedAt = now();
      const grant: TokenGrant = {
        ...rest,
        token: token ?? mint(g.platform, g.kind),
        issuedAt,
        expiresAt: ttlSeconds === null ? null : new Date(issuedAt.getTime() + ttlSeconds * 1000),
        revoked: false,
        used: false,
      };
      store(g.platform).set(grant.token, grant);
      return grant;
    },
    check,
    consumeCode(platform, code) {
      const result = check(platform, code, 'code');
      if (result.ok) result.grant.used = true;
      return result;
    },
    revoke(platform, token) {
      const grant = store(platform).get(token);
      if (!grant) return false;
      grant.revoked = true;
      return true;
    },
    revokeFamily(platform, token) {
      const s = store(platform);
      if (!s.has(token)) return 0;
      const family = new Set([token]);
      // Parents are issued before children, so one pass in issue order reaches every descendant.
      for (const g of s.values()) if (g.parent && family.has(g.parent)) family.add(g.token);
      let n = 0;
      for (const t of family) {
        const g = s.get(t);
        if (g && !g.revoked) {
          g.revoked = true;
          n++;
        }
      }
      return n;
    },
    expireNow(platform, token) {
      const grant = store(platform).get(token);
      if (!grant) return false;
      grant.expiresAt = new Date(now().getTime() - 1);
      return true;
    },
  };
}
