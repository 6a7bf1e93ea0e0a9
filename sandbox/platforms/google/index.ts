import type { SandboxPlatform } from '../../platform.js';

/** Google Ads API REST (googleads.googleapis.com) and Google OAuth (accounts.google.com, oauth2.googleapis.com). */
export const google: SandboxPlatform = {
  id: 'google',
  name: 'Google Ads',
  hosts: [
    { host: 'googleads.googleapis.com', prefix: '/google/ads', purpose: 'api' },
    { host: 'accounts.google.com', prefix: '/google/accounts', purpose: 'oauth' },
    { host: 'oauth2.googleapis.com', prefix: '/google/oauth2', purpose: 'oauth' },
  ],
  async register() {
    // Filled by the Connect & Sync issue: listAccessibleCustomers, googleAds:search, mutates, uploadClickConversions.
  },
  notFound(req, reply) {
    return reply.status(404).send({
      error: { code: 404, message: `The requested URL ${req.url.split('?')[0]} was not found on this server.`, status: 'NOT_FOUND' },
    });
  },
};
