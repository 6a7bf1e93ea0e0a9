import { describe, expect, it } from 'vitest';
import { sandboxEndpoints } from './endpoints.js';
import { realGoogleEndpoints, sandboxGoogleEndpoints } from './google/endpoints.js';
import { realMetaEndpoints, sandboxMetaEndpoints } from './meta/endpoints.js';
import { realSnapchatEndpoints, sandboxSnapchatEndpoints } from './snapchat/endpoints.js';
import { realTiktokEndpoints, sandboxTiktokEndpoints } from './tiktok/endpoints.js';
import type { PlatformEndpoints } from './types.js';

describe('sandbox endpoints: each real host under its prefix of the sandbox origin', () => {
  it.each([
    ['meta', sandboxMetaEndpoints, { api: '/meta/graph/v25.0', authorize: '/meta/www/v25.0/dialog/oauth', token: '/meta/graph/v25.0' }],
    ['google', sandboxGoogleEndpoints, { api: '/google/ads/v23', authorize: '/google/accounts/o/oauth2/v2/auth', token: '/google/oauth2/token' }],
    ['tiktok', sandboxTiktokEndpoints, { api: '/tiktok/business-api/open_api/v1.3', authorize: '/tiktok/business-api/portal/auth', token: '/tiktok/business-api/open_api/v1.3' }],
    [
      'snapchat',
      sandboxSnapchatEndpoints,
      { api: '/snapchat/adsapi/v1', authorize: '/snapchat/accounts/login/oauth2/authorize', token: '/snapchat/accounts/login/oauth2/access_token' },
    ],
  ] as Array<[string, (base: string) => PlatformEndpoints, PlatformEndpoints]>)('%s', (_platform, sandbox, paths) => {
    // A trailing slash on the configured URL must not double up.
    for (const base of ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/']) {
      expect(sandbox(base)).toEqual({ api: `http://127.0.0.1:4010${paths.api}`, authorize: `http://127.0.0.1:4010${paths.authorize}`, token: `http://127.0.0.1:4010${paths.token}` });
    }
  });

  it('follows another Google Ads API version', () => {
    expect(sandboxGoogleEndpoints('http://sbx', 'v24').api).toBe('http://sbx/google/ads/v24');
  });

  it('refuses a host the sandbox does not serve', () => {
    expect(() => sandboxEndpoints(realMetaEndpoints, { 'graph.facebook.com': '/meta/graph' }, 'http://sbx')).toThrow(/www\.facebook\.com/);
  });

  it('leaves the real endpoints on the real hosts', () => {
    expect([realMetaEndpoints, realGoogleEndpoints, realTiktokEndpoints, realSnapchatEndpoints].map((e) => new URL(e.api).protocol)).toEqual(['https:', 'https:', 'https:', 'https:']);
  });
});
