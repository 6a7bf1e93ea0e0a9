/**
 * The one interface every ad platform adapter implements, and the normalized shapes the rest
 * of Stratum sees. Units, pagination, error envelopes and rate-limit headers stay inside each
 * adapter folder; what crosses this boundary is integer minor units in the ad account's
 * currency, account-local dates (YYYY-MM-DD) and the error vocabulary in ./errors.ts.
 */
import type { DateRange } from '../shared/dates.js';

export const platformIds = ['meta', 'google', 'tiktok', 'snapchat'] as const;
export type PlatformId = (typeof platformIds)[number];

/** Tokens as the platform issued them. Stored encrypted by connections/; never logged. */
export interface TokenSet {
  accessToken: string;
  /** Google and Snapchat issue refresh tokens; Meta (long-lived token) and TikTok do not. */
  refreshToken: string | null;
  /** When the access token stops working; null when the platform gives no expiry. */
  expiresAt: Date | null;
  refreshExpiresAt: Date | null;
  scopes: string[];
  /** Platform-specific extras an adapter needs later (e.g. TikTok's advertiser ids granted). */
  extra: Record<string, string>;
}

export interface AdAccount {
  /** The platform's id as its API prints it, without decoration (Meta: digits, no `act_`; Google: 10 digits, no dashes). */
  externalId: string;
  name: string;
  /** ISO 4217. */
  currency: string;
  /** IANA zone the platform reports days in. */
  timeZone: string;
  status: 'active' | 'disabled' | 'closed' | 'pending';
  /** Spend of the last 30 days in minor units, when the platform can tell cheaply (shown on the selection step). */
  spendLast30dMinor: number | null;
  /** Google: the manager account through which this customer is reached (sent as `login-customer-id`). */
  managerId: string | null;
}

export type EntityLevel = 'campaign' | 'ad_set' | 'ad';
export type EntityStatus = 'ACTIVE' | 'PAUSED' | 'DELETED' | 'ARCHIVED';

/** A campaign, ad set (Google ad group, Snapchat ad squad) or ad, normalized. */
export interface Entity {
  level: EntityLevel;
  externalId: string;
  /** The ad set of an ad, the campaign of an ad set, null for a campaign. */
  parentExternalId: string | null;
  campaignExternalId: string;
  name: string;
  /** The status the advertiser set (Meta `status`, Google `status`, TikTok `operation_status`, Snapchat `status`). */
  status: EntityStatus;
  /** The platform's own word for what is delivering (Meta `effective_status`, TikTok `secondary_status`…), kept verbatim. */
  platformStatus: string;
  dailyBudgetMinor: number | null;
  lifetimeBudgetMinor: number | null;
  objective: string | null;
  /** The fields as the platform returned them, for definitions that change later. */
  raw: Record<string, unknown>;
}

/** One ad's numbers for one account-local day (see METRICS.md for each platform's field). */
export interface DailyMetric {
  adExternalId: string;
  date: string;
  spendMinor: number;
  impressions: number;
  clicks: number;
  purchases: number;
  revenueMinor: number;
  leads: number;
  raw: Record<string, unknown>;
}

/** Inclusive range of account-local dates, YYYY-MM-DD; defined with the date helpers that work on it. */
export type { DateRange };

export interface EntityRef {
  accountId: string;
  level: 'campaign' | 'ad_set';
  externalId: string;
}

/** Meta's Event Match Quality per pixel and event (0–10), as the platform reports it. */
export interface PixelQuality {
  pixelId: string;
  name: string;
  events: Array<{ eventName: string; matchQuality: number | null }>;
}

/** Where an adapter sends its requests: the real hosts, or the sandbox's prefixes. */
export interface PlatformEndpoints {
  /** Reporting and management API base, e.g. `https://graph.facebook.com/v25.0`. */
  api: string;
  /** Where the user's browser goes to consent, e.g. `https://www.facebook.com/v25.0/dialog/oauth`. */
  authorize: string;
  /** Token endpoint base when it differs from `api` (Google's oauth2.googleapis.com). */
  token: string;
}

export interface PlatformCredentials {
  clientId: string;
  clientSecret: string;
  /** Google Ads only. */
  developerToken?: string;
}

/** What every call gets: timeouts and retries are the adapter's, the clock and fetch are injectable for tests. */
export interface AdapterContext {
  endpoints: PlatformEndpoints;
  credentials: PlatformCredentials;
  fetch?: typeof fetch;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  /** Attempts for a retryable failure (rate limit, 5xx, network), including the first; default 4. */
  attempts?: number;
  /** Upper bound on one backoff wait; a longer Retry-After is surfaced as RATE_LIMITED instead of slept. */
  maxBackoffMs?: number;
  now?: () => Date;
}

export interface AdPlatform {
  readonly id: PlatformId;
  /** The scopes Stratum asks for, shown on the connect page. */
  readonly scopes: readonly string[];
  readonly supportsPkce: boolean;
  authorizeUrl(p: { state: string; redirectUri: string; codeChallenge?: string }): URL;
  /** Code → tokens; long-lived where the platform offers it (Meta's fb_exchange_token). */
  exchangeCode(code: string, redirectUri: string, codeVerifier?: string): Promise<TokenSet>;
  /** A fresh access token; throws PlatformError AUTH_EXPIRED when the grant is gone. */
  refresh(t: TokenSet): Promise<TokenSet>;
  listAdAccounts(t: TokenSet): Promise<AdAccount[]>;
  /** Campaigns first, then ad sets, then ads (parents before children); paginated inside. */
  entities(t: TokenSet, account: AdAccount): AsyncIterable<Entity>;
  /** Ad-level daily rows for the range, account-local dates; paginated and sliced inside. */
  dailyMetrics(t: TokenSet, account: AdAccount, range: DateRange): AsyncIterable<DailyMetric>;
  /** Meta only (EMQ); others return []. */
  pixelQuality(t: TokenSet, account: AdAccount): Promise<PixelQuality[]>;
  setDailyBudget(t: TokenSet, account: AdAccount, ref: EntityRef, minor: number): Promise<void>;
  setStatus(t: TokenSet, account: AdAccount, ref: EntityRef, status: 'ACTIVE' | 'PAUSED'): Promise<void>;
}
