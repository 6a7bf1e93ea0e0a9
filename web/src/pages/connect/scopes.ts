import type { PlatformId } from '../../api/connections';

/** The permissions each platform's consent screen asks for, each with a plain-language line. */
export type ScopeKey =
  | 'ads_management'
  | 'ads_read'
  | 'business_management'
  | 'adwords'
  | 'tiktok_accounts'
  | 'tiktok_ads'
  | 'tiktok_reporting'
  | 'snapchat_marketing';

const KEYS: Record<string, ScopeKey> = {
  ads_management: 'ads_management',
  ads_read: 'ads_read',
  business_management: 'business_management',
  'https://www.googleapis.com/auth/adwords': 'adwords',
  // TikTok's permissions are named in its developer portal, not as OAuth scope strings.
  'Ad Account Management': 'tiktok_accounts',
  'Ads Management': 'tiktok_ads',
  Reporting: 'tiktok_reporting',
  'snapchat-marketing-api': 'snapchat_marketing',
};

/**
 * Shown when the server cannot say (the platform is not configured here): what Stratum asks
 * each platform for, per stage 6 of the user journey and the platforms' documentation.
 */
export const DOCUMENTED_SCOPES: Record<PlatformId, readonly string[]> = {
  meta: ['ads_management', 'ads_read', 'business_management'],
  google: ['https://www.googleapis.com/auth/adwords'],
  tiktok: ['Ad Account Management', 'Ads Management', 'Reporting'],
  snapchat: ['snapchat-marketing-api'],
};

export interface ScopeLine {
  /** As the platform names it, for people who compare with its consent screen. */
  scope: string;
  /** Short form for the screen: Google's scope is a URL whose last part is the name. */
  short: string;
  /** The plain-language line's key, or null for a scope this page has no words for yet. */
  key: ScopeKey | null;
}

export function scopeLines(platform: PlatformId, scopes: readonly string[]): ScopeLine[] {
  const list = scopes.length > 0 ? scopes : DOCUMENTED_SCOPES[platform];
  return [...new Set(list)].map((scope) => ({
    scope,
    short: scope.startsWith('https://') ? (scope.split('/').pop() ?? scope) : scope,
    key: KEYS[scope] ?? null,
  }));
}
