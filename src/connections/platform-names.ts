import type { PlatformId } from '../platforms/types.js';

/** Brand names, the same in every language. */
export const platformNames: Record<PlatformId, string> = { meta: 'Meta', google: 'Google Ads', tiktok: 'TikTok', snapchat: 'Snapchat' };
