import type { PlatformEndpoints } from '../types.js';

export const TIKTOK_API_VERSION = 'v1.3';

/**
 * The Marketing API and its token endpoint live on business-api.tiktok.com, and so does the
 * advertiser authorization page linked from the developer app page (reference §4A).
 */
export const realTiktokEndpoints: PlatformEndpoints = {
  api: `https://business-api.tiktok.com/open_api/${TIKTOK_API_VERSION}`,
  authorize: 'https://business-api.tiktok.com/portal/auth',
  token: `https://business-api.tiktok.com/open_api/${TIKTOK_API_VERSION}`,
};

/** Where the sandbox serves each real host. */
const SANDBOX_PREFIXES: Record<string, string> = {
  'business-api.tiktok.com': '/tiktok/business-api',
  'business.tiktok.com': '/tiktok/business',
};

const rehost = (real: string, base: string): string => {
  const u = new URL(real);
  const prefix = SANDBOX_PREFIXES[u.host];
  if (prefix === undefined) throw new Error(`the sandbox serves no ${u.host}`);
  return `${base}${prefix}${u.pathname}`;
};

/** The real endpoints, each moved under its host's sandbox prefix. */
export function sandboxTiktokEndpoints(sandboxBaseUrl: string): PlatformEndpoints {
  const base = sandboxBaseUrl.replace(/\/+$/, '');
  return {
    api: rehost(realTiktokEndpoints.api, base),
    authorize: rehost(realTiktokEndpoints.authorize, base),
    token: rehost(realTiktokEndpoints.token, base),
  };
}
