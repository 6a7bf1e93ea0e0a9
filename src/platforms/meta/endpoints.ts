import type { PlatformEndpoints } from '../types.js';

/** Graph versions are sunset on a schedule; one constant to move them all. */
export const META_GRAPH_VERSION = 'v25.0';

export const realMetaEndpoints: PlatformEndpoints = {
  api: `https://graph.facebook.com/${META_GRAPH_VERSION}`,
  authorize: `https://www.facebook.com/${META_GRAPH_VERSION}/dialog/oauth`,
  token: `https://graph.facebook.com/${META_GRAPH_VERSION}`,
};

/** Where the sandbox serves each real host. */
const SANDBOX_PREFIXES: Record<string, string> = {
  'graph.facebook.com': '/meta/graph',
  'www.facebook.com': '/meta/www',
};

const rehost = (real: string, base: string): string => {
  const u = new URL(real);
  const prefix = SANDBOX_PREFIXES[u.host];
  if (prefix === undefined) throw new Error(`the sandbox serves no ${u.host}`);
  return `${base}${prefix}${u.pathname}`;
};

/** The real endpoints, each moved under its host's sandbox prefix (e.g. `${base}/meta/graph/v25.0`). */
export function sandboxMetaEndpoints(sandboxBaseUrl: string): PlatformEndpoints {
  const base = sandboxBaseUrl.replace(/\/+$/, '');
  return {
    api: rehost(realMetaEndpoints.api, base),
    authorize: rehost(realMetaEndpoints.authorize, base),
    token: rehost(realMetaEndpoints.token, base),
  };
}
