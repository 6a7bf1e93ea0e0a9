import { sandboxEndpoints } from '../endpoints.js';
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

const sandboxPrefixes = { 'googleads.googleapis.com': '/google/ads', 'accounts.google.com': '/google/accounts', 'oauth2.googleapis.com': '/google/oauth2' };

/** The real endpoints (at API `version`), each moved under its host's sandbox prefix. */
export const sandboxGoogleEndpoints = (sandboxBaseUrl: string, version: string = GOOGLE_ADS_API_VERSION): PlatformEndpoints =>
  sandboxEndpoints({ ...realGoogleEndpoints, api: `https://googleads.googleapis.com/${version}` }, sandboxPrefixes, sandboxBaseUrl);
