import type { SandboxPlatform } from '../../platform.js';
import { traceId } from '../../ids.js';

/** Meta Graph / Marketing API (graph.facebook.com) and its OAuth dialog (www.facebook.com). */
export const meta: SandboxPlatform = {
  id: 'meta',
  name: 'Meta',
  hosts: [
    { host: 'graph.facebook.com', prefix: '/meta/graph', purpose: 'api' },
    { host: 'www.facebook.com', prefix: '/meta/www', purpose: 'oauth' },
  ],
  async register() {
    // Filled by the Connect & Sync issue: OAuth dialog, /oauth/access_token, /me/adaccounts, insights, /{pixel}/events.
  },
  notFound(req, reply) {
    // Graph answers an unknown path with an OAuthException, code 803 for unknown objects
    // and 100 for unsupported paths; both as HTTP 400.
    return reply.status(400).send({
      error: {
        message: `Unsupported get request. Object with ID '${req.url.split('?')[0]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        type: 'GraphMethodException',
        code: 100,
        error_subcode: 33,
        fbtrace_id: traceId(),
      },
    });
  },
};
