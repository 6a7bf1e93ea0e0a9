import { sandboxEndpoints } from '../endpoints.js';
import type { PlatformEndpoints } from '../types.js';

/** Graph versions are sunset on a schedule; one constant to move them all. */
export const META_GRAPH_VERSION = 'v25.0';

export const realMetaEndpoints: PlatformEndpoints = {
  api: `https://graph.facebook.com/${META_GRAPH_VERSION}`,
  authorize: `https://www.facebook.com/${META_GRAPH_VERSION}/dialog/oauth`,
  token: `https://graph.facebook.com/${META_GRAPH_VERSION}`,
};

/** The real endpoints, each moved under its host's sandbox prefix (e.g. `${base}/meta/graph/v25.0`). */
export const sandboxMetaEndpoints = (sandboxBaseUrl: string): PlatformEndpoints =>
  sandboxEndpoints(realMetaEndpoints, { 'graph.facebook.com': '/meta/graph', 'www.facebook.com': '/meta/www' }, sandboxBaseUrl);
