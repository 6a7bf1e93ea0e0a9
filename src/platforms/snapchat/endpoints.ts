import type { PlatformEndpoints } from '../types.js';

export const realSnapchatEndpoints: PlatformEndpoints = {
  api: 'https://adsapi.snapchat.com/v1',
  authorize: 'https://accounts.snapchat.com/login/oauth2/authorize',
  // The full token URL (authorize and token share accounts.snapchat.com, not the API host).
  token: 'https://accounts.snapchat.com/login/oauth2/access_token',
};

/** The sandbox serves adsapi / accounts hosts under path prefixes of one origin. */
export function sandboxSnapchatEndpoints(sandboxBaseUrl: string): PlatformEndpoints {
  const base = sandboxBaseUrl.replace(/\/+$/, '');
  return {
    api: `${base}/snapchat/adsapi/v1`,
    authorize: `${base}/snapchat/accounts/login/oauth2/authorize`,
    token: `${base}/snapchat/accounts/login/oauth2/access_token`,
  };
}
