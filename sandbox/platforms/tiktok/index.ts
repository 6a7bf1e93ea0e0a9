import type { SandboxPlatform } from '../../platform.js';
import { registerAccounts } from './accounts.js';
import { registerConsent } from './consent.js';
import { registerConversions } from './conversions.js';
import { registerEntities } from './entities.js';
import { envelope, installErrorHandler, Code } from './errors.js';
import { installFaults } from './faults.js';
import { registerMutations } from './mutations.js';
import { registerOAuth } from './oauth.js';
import { registerPixels } from './pixels.js';
import { registerReports } from './reports.js';

/** v1.3 is current; v1.2 answers the same for older clients. */
const VERSIONS = ['v1.3', 'v1.2'] as const;

/**
 * TikTok API for Business (business-api.tiktok.com: Marketing API and Events API 2.0) and its
 * advertiser authorization page (business.tiktok.com/portal/auth; also served at
 * business-api.tiktok.com/portal/auth, the address TikTok's app page shows).
 */
export const tiktok: SandboxPlatform = {
  id: 'tiktok',
  name: 'TikTok',
  hosts: [
    { host: 'business-api.tiktok.com', prefix: '/tiktok/business-api', purpose: 'api' },
    { host: 'business.tiktok.com', prefix: '/tiktok/business', purpose: 'oauth' },
  ],
  async register(app, host, world) {
    installErrorHandler(app);
    await registerConsent(app, world);
    if (host.purpose !== 'api') return;
    installFaults(app, world, host.prefix);
    for (const version of VERSIONS) {
      const base = `/open_api/${version}`;
      await registerOAuth(app, world, base);
      await registerAccounts(app, world, base);
      await registerEntities(app, world, base);
      await registerReports(app, world, base);
      await registerMutations(app, world, base);
      await registerPixels(app, world, base);
      await registerConversions(app, world, base);
    }
  },
  notFound(_req, reply) {
    // TikTok reports errors inside an HTTP 200 envelope; code 40002 is its parameter error.
    return reply.status(200).send(envelope(Code.INVALID_PARAMS, 'Invalid request path'));
  },
};
