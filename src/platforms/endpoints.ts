import type { PlatformEndpoints } from './types.js';

/**
 * The sandbox serves each real host of a platform under a path prefix of its one origin
 * (`https://graph.facebook.com/v25.0` → `<sandbox>/meta/graph/v25.0`), so pointing an adapter
 * at it changes its endpoints and nothing else.
 */
export function sandboxEndpoints(real: PlatformEndpoints, prefixByHost: Record<string, string>, sandboxBaseUrl: string): PlatformEndpoints {
  const base = sandboxBaseUrl.replace(/\/+$/, '');
  const rehost = (url: string): string => {
    const u = new URL(url);
    const prefix = prefixByHost[u.host];
    if (prefix === undefined) throw new Error(`the sandbox serves no ${u.host}`);
    return `${base}${prefix}${u.pathname}`;
  };
  return { api: rehost(real.api), authorize: rehost(real.authorize), token: rehost(real.token) };
}
