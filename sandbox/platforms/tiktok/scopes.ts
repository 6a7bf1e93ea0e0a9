/**
 * The permission groups a TikTok developer app asks for. TikTok sets them on the app (not in
 * the authorization URL) and returns their numeric ids in the token response's `scope`; the
 * ids here are the sandbox's own numbering of the four groups Stratum needs.
 */
export interface ScopeGroup {
  id: number;
  name: string;
  meaning: string;
}

export const STRATUM_SCOPES: readonly ScopeGroup[] = [
  { id: 1, name: 'Ad Account Management', meaning: 'See your ad accounts: their names, currency, time zone and status.' },
  { id: 2, name: 'Ads Management', meaning: 'See your campaigns, ad groups and ads, change their budgets, and pause or resume them.' },
  { id: 4, name: 'Reporting', meaning: 'Read how your ads perform: spend, impressions, clicks and conversions.' },
  { id: 5, name: 'Pixel Management', meaning: 'See your pixels and send website events to them (Events API).' },
];

export const scopeIds = (): number[] => STRATUM_SCOPES.map((s) => s.id);
