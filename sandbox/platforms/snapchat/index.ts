import type { SandboxPlatform } from '../../platform.js';
import { hexId } from '../../ids.js';

/** Snap Marketing API (adsapi.snapchat.com), Snap OAuth (accounts.snapchat.com) and Conversions API (tr.snapchat.com). */
export const snapchat: SandboxPlatform = {
  id: 'snapchat',
  name: 'Snapchat',
  hosts: [
    { host: 'adsapi.snapchat.com', prefix: '/snapchat/adsapi', purpose: 'api' },
    { host: 'accounts.snapchat.com', prefix: '/snapchat/accounts', purpose: 'oauth' },
    { host: 'tr.snapchat.com', prefix: '/snapchat/tr', purpose: 'conversions' },
  ],
  async register() {
    // Filled by the Connect & Sync issue: /v1/me/organizations, campaigns, adsquads, ads, stats, /v3/{pixel}/events.
  },
  notFound(req, reply) {
    return reply.status(404).send({
      request_status: 'ERROR',
      request_id: hexId(12),
      debug_message: `Resource not found: ${req.url.split('?')[0]}`,
      display_message: 'We could not find what you asked for.',
      error_code: 'E1004',
    });
  },
};
