import type { SandboxPlatform } from '../../platform.js';
import { registerAdsApi } from './api.js';
import { adsOAuthRoutes } from './oauth.js';
import { registerGoogleSignIn } from './sign-in.js';

/**
 * Google Ads API REST (googleads.googleapis.com), and Google's OAuth and OpenID Connect
 * (accounts.google.com, oauth2.googleapis.com, www.googleapis.com, openidconnect.googleapis.com).
 * The Ads consent and token flow share the OAuth hosts with "Sign in with Google".
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
  async register(app, host, world) {
    if (host.host === 'googleads.googleapis.com') {
      if (world) await registerAdsApi(app, world, host.prefix);
      return;
    }
    const ads = world && (host.host === 'accounts.google.com' || host.host === 'oauth2.googleapis.com') ? adsOAuthRoutes(world) : undefined;
    await registerGoogleSignIn(app, host, ads);
  },
  notFound(req, reply, host) {
    // Google names the path as its own host saw it, without the sandbox's prefix.
    const path = req.url.split('?')[0]!.slice(host.prefix.length) || '/';
    return reply.status(404).send({
      error: { code: 404, message: `The requested URL ${path} was not found on this server.`, status: 'NOT_FOUND' },
    });
  },
};
