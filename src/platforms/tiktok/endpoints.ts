import { sandboxEndpoints } from '../endpoints.js';
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

/** The real endpoints, each moved under its host's sandbox prefix. */
export const sandboxTiktokEndpoints = (sandboxBaseUrl: string): PlatformEndpoints =>
  sandboxEndpoints(realTiktokEndpoints, { 'business-api.tiktok.com': '/tiktok/business-api', 'business.tiktok.com': '/tiktok/business' }, sandboxBaseUrl);
