import type { PlatformEndpoints } from '../types.js';

/**
 * Google retires an API version about a year after release, so the version is one constant
 * here; v23 is the version the reference's examples and the maintained clients use.
 */
export const GOOGLE_ADS_API_VERSION = 'v23';

export const realGoogleEndpoints: PlatformEndpoints = {
  api: `https://googleads.googleapis.com/${GOOGLE_ADS_API_VERSION}`,
  authorize: 'https://accounts.google.com/o/oauth2/v2/auth',
  // The full token URL: Google serves it from its own host, unlike the API.
  token: 'https://oauth2.googleapis.com/token',
};

/** The sandbox serves googleads / accounts / oauth2 hosts under path prefixes of one origin. */
export function sandboxGoogleEndpoints(sandboxBaseUrl: string, version: string = GOOGLE_ADS_API_VERSION): PlatformEndpoints {
  const base = sandboxBaseUrl.replace(/\/+$/, '');
  return {
    api: `${base}/google/ads/${version}`,
    authorize: `${base}/google/accounts/o/oauth2/v2/auth`,
    token: `${base}/google/oauth2/token`,
  };
}
