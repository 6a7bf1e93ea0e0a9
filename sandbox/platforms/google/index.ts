import type { SandboxPlatform } from '../../platform.js';
import { registerGoogleSignIn } from './sign-in.js';

/**
 * Google Ads API REST (googleads.googleapis.com), and Google's OAuth and OpenID Connect
 * (accounts.google.com, oauth2.googleapis.com, www.googleapis.com, openidconnect.googleapis.com).
 */
export const google: SandboxPlatform = {
  id: 'google',
  name: 'Google Ads',
  hosts: [
    { host: 'googleads.googleapis.com', prefix: '/google/ads', purpose: 'api' },
    { host: 'accounts.google.com', prefix: '/google/accounts', purpose: 'oauth' },
    { host: 'oauth2.googleapis.com', prefix: '/google/oauth2', purpose: 'oauth' },
    { host: 'www.googleapis.com', prefix: '/google/apis', purpose: 'identity' },
    { host: 'openidconnect.googleapis.com', prefix: '/google/openidconnect', purpose: 'identity' },
  ],
  async register(app, host) {
    // Sign-in is served now; the Connect & Sync issue adds listAccessibleCustomers, googleAds:search,
    // mutates and uploadClickConversions on the ads host, and the ad scopes on the OAuth hosts.
    if (host.host !== 'googleads.googleapis.com') await registerGoogleSignIn(app, host);
  },
  notFound(req, reply) {
    return reply.status(404).send({
      error: { code: 404, message: `The requested URL ${req.url.split('?')[0]} was not found on this server.`, status: 'NOT_FOUND' },
    });
  },
};
