import type { SandboxPlatform } from '../../platform.js';
import { hexId } from '../../ids.js';

/** TikTok API for Business (business-api.tiktok.com) and its advertiser authorization page (business.tiktok.com). */
export const tiktok: SandboxPlatform = {
  id: 'tiktok',
  name: 'TikTok',
  hosts: [
    { host: 'business-api.tiktok.com', prefix: '/tiktok/business-api', purpose: 'api' },
    { host: 'business.tiktok.com', prefix: '/tiktok/business', purpose: 'oauth' },
  ],
  async register() {
    // Filled by the Connect & Sync issue: /open_api/v1.3/oauth2/*, campaign/adgroup/ad get, report/integrated/get, event/track.
  },
  notFound(_req, reply) {
    // TikTok reports errors inside an HTTP 200 envelope; code 40002 is its parameter error.
    return reply.status(200).send({ code: 40002, message: 'Invalid request path', request_id: hexId(16), data: {} });
  },
};
