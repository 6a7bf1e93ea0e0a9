import { sandboxEndpoints } from '../endpoints.js';
import type { PlatformEndpoints } from '../types.js';

export const realSnapchatEndpoints: PlatformEndpoints = {
  api: 'https://adsapi.snapchat.com/v1',
  authorize: 'https://accounts.snapchat.com/login/oauth2/authorize',
  // The full token URL (authorize and token share accounts.snapchat.com, not the API host).
  token: 'https://accounts.snapchat.com/login/oauth2/access_token',
};

/** The real endpoints, each moved under its host's sandbox prefix. */
export const sandboxSnapchatEndpoints = (sandboxBaseUrl: string): PlatformEndpoints =>
  sandboxEndpoints(realSnapchatEndpoints, { 'adsapi.snapchat.com': '/snapchat/adsapi', 'accounts.snapchat.com': '/snapchat/accounts' }, sandboxBaseUrl);
