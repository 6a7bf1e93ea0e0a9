import type { AdPlatformId, Level } from './types.js';
import type { Rng } from './rng.js';

/**
 * Ids in each platform's own format. Meta ad accounts and pixels are 15–16 digits and its
 * campaigns, ad sets and ads 18 digits starting 120 (what Ads Manager shows today); Google has
 * 10-digit customer ids and shorter numeric entity ids; TikTok 19-digit numbers; Snapchat UUIDs.
 */
export function accountIdFor(platform: AdPlatformId, rng: Rng): string {
  switch (platform) {
    case 'meta':
      return rng.digits(rng.int(15, 16));
    case 'google':
      return rng.digits(10);
    case 'tiktok':
      return '7' + rng.digits(18);
    case 'snapchat':
      return rng.uuid();
  }
}

export function entityIdFor(platform: AdPlatformId, level: Level, rng: Rng): string {
  switch (platform) {
    case 'meta':
      return '120' + rng.digits(15);
    case 'google':
      return rng.digits(level === 'campaign' ? 11 : level === 'ad_set' ? 11 : 12);
    case 'tiktok':
      return (level === 'campaign' ? '18' : level === 'ad_set' ? '17' : '17') + rng.digits(17);
    case 'snapchat':
      return rng.uuid();
  }
}

/** Meta pixel / dataset ids are digits, TikTok pixel codes 20 upper-case characters, Snapchat UUIDs, Google conversion action ids digits. */
export function pixelIdFor(platform: AdPlatformId, rng: Rng): string {
  switch (platform) {
    case 'meta':
      return rng.digits(rng.int(15, 16));
    case 'google':
      return rng.digits(10);
    case 'tiktok': {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
      let code = 'C';
      for (let i = 1; i < 20; i++) code += alphabet[rng.int(0, alphabet.length - 1)];
      return code;
    }
    case 'snapchat':
      return rng.uuid();
  }
}

/** The business the account sits in: Meta Business Manager id, TikTok Business Center id, Snapchat organization UUID, Google none. */
export function businessIdFor(platform: AdPlatformId, rng: Rng): string | undefined {
  switch (platform) {
    case 'meta':
      return rng.digits(15);
    case 'google':
      return undefined;
    case 'tiktok':
      return '7' + rng.digits(18);
    case 'snapchat':
      return rng.uuid();
  }
}
