/**
 * The sandbox's one world: people, their ad accounts on each platform, the entities and the
 * numbers those accounts produce, the tokens issued, the faults to inject and what was received.
 * Platform imitations (sandbox/platforms/<id>/) read it and render it in their own API's shapes
 * and units; they never keep their own copy of the data, so a mutation made through one request
 * is what every later report shows.
 *
 * Amounts here are integer minor units of the account's currency; dates are account-local
 * YYYY-MM-DD. Each imitation converts to its platform's units (Meta minor-unit strings and
 * major-unit report strings, Google and Snapchat micros, TikTok major-unit decimals).
 */
export type AdPlatformId = 'meta' | 'google' | 'tiktok' | 'snapchat';

/** A person who can log in on a platform's consent screen (the sandbox has no passwords). */
export interface SandboxPerson {
  id: string;
  name: string;
  email: string;
}

export interface AccountSize {
  campaigns: number;
  adSetsPerCampaign: number;
  adsPerAdSet: number;
}

export interface WorldAccount {
  platform: AdPlatformId;
  /**
   * The platform's native id format: Meta digits (the API adds `act_`), Google a 10-digit
   * customer id, TikTok a 19-digit number string, Snapchat a UUID.
   */
  id: string;
  name: string;
  currency: string;
  timeZone: string;
  /** Business the account belongs to (e.g. "Midas Furniture"). */
  business: string;
  ownerIds: string[];
  /** Google only: the manager (MCC) customer id the people reach it through, or null for direct access. */
  managerId: string | null;
  status: 'ACTIVE' | 'DISABLED';
  size: AccountSize;
  seed: number;
  /** Account-local date of the first day with delivery. */
  startDate: string;
  /**
   * The business container in the platform's id format, when the platform has one: Meta Business
   * Manager id, TikTok Business Center id, Snapchat organization UUID (Google: see `managerId`).
   */
  businessId?: string;
}

/** A Google Ads manager (MCC) account: has no campaigns, only clients (accounts whose `managerId` is its id). */
export interface WorldManager {
  platform: 'google';
  id: string;
  name: string;
  currency: string;
  timeZone: string;
  ownerIds: string[];
}

/**
 * Something unusual the generator put into an account's history on purpose, at dates fixed by the
 * seed (never relative to today): a campaign spending 3× its usual for one day, or the account's
 * conversion tracking reporting nothing for two days.
 */
export type WorldAnomaly =
  | { kind: 'spend_spike'; date: string; campaignId: string; factor: number }
  | { kind: 'tracking_outage'; dates: string[] };

export type Level = 'campaign' | 'ad_set' | 'ad';
export type Status = 'ACTIVE' | 'PAUSED';
export type Objective = 'SALES' | 'LEADS' | 'TRAFFIC' | 'AWARENESS';

export interface WorldCampaign {
  level: 'campaign';
  id: string;
  accountId: string;
  name: string;
  objective: Objective;
  status: Status;
  /** Campaign-level (CBO / Google campaign budget) daily budget, or null when ad sets hold budgets. */
  dailyBudgetMinor: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorldAdSet {
  level: 'ad_set';
  id: string;
  accountId: string;
  campaignId: string;
  name: string;
  status: Status;
  dailyBudgetMinor: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorldAd {
  level: 'ad';
  id: string;
  accountId: string;
  campaignId: string;
  adSetId: string;
  name: string;
  status: Status;
  createdAt: string;
  updatedAt: string;
}

export type WorldEntity = WorldCampaign | WorldAdSet | WorldAd;

/** One ad's delivery on one account-local day. All integers. */
export interface DayNumbers {
  impressions: number;
  clicks: number;
  spendMinor: number;
  purchases: number;
  revenueMinor: number;
  leads: number;
}

export interface WorldPixel {
  id: string;
  accountId: string;
  name: string;
  /** Event Match Quality 0–10 per event name (one decimal), as Meta shows it. */
  matchQuality: Record<string, number>;
}

/** A fault kind; each imitation renders it in its platform's own way. */
export type FaultKind = 'rate_limit' | 'server_error' | 'slow' | 'expired_token' | 'revoked_token' | 'malformed';

export interface FaultRule {
  id: string;
  platform: AdPlatformId;
  kind: FaultKind;
  /** Chance per matching request, 0–1; with `count`, the rule stops after that many hits. */
  probability: number;
  count: number | null;
  /** `slow`: added latency. */
  delayMs: number;
  /** Only requests whose path (after the host prefix) starts with this. */
  pathPrefix: string | null;
}

export interface TokenGrant {
  platform: AdPlatformId;
  token: string;
  kind: 'code' | 'access' | 'refresh';
  personId: string;
  clientId: string;
  scopes: string[];
  /** Accounts the person granted (Meta/TikTok/Snapchat pick them on the consent screen; Google grants all). */
  accountIds: string[];
  redirectUri: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  issuedAt: Date;
  expiresAt: Date | null;
  revoked: boolean;
  used: boolean;
  /** For an access token minted from a refresh token or code: where it came from. */
  parent: string | null;
}

export type TokenCheck = { ok: true; grant: TokenGrant } | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'used' };

/** What an imitation received, kept for `GET /_sandbox/inspect/{conversions|mutations}`. */
export interface ReceivedItem {
  received_at: string;
  platform: AdPlatformId;
  [field: string]: unknown;
}

export interface World {
  readonly people: readonly SandboxPerson[];
  person(id: string): SandboxPerson | undefined;
  /** The sandbox's notion of now (injectable for tests). */
  now(): Date;
  /** Account-local date of `now()` for the account. */
  today(account: WorldAccount): string;

  accounts(platform: AdPlatformId): readonly WorldAccount[];
  accountsOf(platform: AdPlatformId, personId: string): readonly WorldAccount[];
  account(platform: AdPlatformId, id: string): WorldAccount | undefined;
  /** Adds an account (tests, benchmarks): deterministic from its seed and size. */
  addAccount(input: Omit<WorldAccount, 'id' | 'seed' | 'startDate' | 'status' | 'managerId' | 'ownerIds'> & Partial<Pick<WorldAccount, 'id' | 'seed' | 'startDate' | 'managerId' | 'ownerIds'>>): WorldAccount;

  /** Entities in a stable order (creation order), generated lazily and cached per account. */
  campaigns(account: WorldAccount): readonly WorldCampaign[];
  adSets(account: WorldAccount): readonly WorldAdSet[];
  ads(account: WorldAccount): readonly WorldAd[];
  entity(account: WorldAccount, level: Level, id: string): WorldEntity | undefined;

  /**
   * One ad's numbers for one account-local day: zero before the ad's start, after `today`, and
   * while it (or its ad set or campaign) was paused; deterministic from the account's seed.
   * Budget changes scale spend (and what it buys) from the day they were made.
   */
  adDay(account: WorldAccount, adId: string, date: string): DayNumbers;
  /** Sum of adDay over the ads under an entity (or the whole account when `entityId` is null). */
  sumDay(account: WorldAccount, level: Level | 'account', entityId: string | null, date: string): DayNumbers;
  /**
   * A number that changes whenever a mutation changes what the account's entities or numbers
   * show (status, budget, `updatedAt`), so an imitation can keep derived answers until then.
   */
  revision(account: WorldAccount): number;

  pixels(account: WorldAccount): readonly WorldPixel[];

  /** Google manager (MCC) accounts people reach client accounts through. */
  managers?(platform: AdPlatformId): readonly WorldManager[];
  /** The injected anomalies of an account between its start and today (or the given range). */
  anomalies?(account: WorldAccount, since?: string, until?: string): readonly WorldAnomaly[];

  /** Mutations: change what later reads and reports show. Throw WorldError on unknown ids or bad values. */
  setStatus(account: WorldAccount, level: Level, id: string, status: Status): WorldEntity;
  setDailyBudget(account: WorldAccount, level: 'campaign' | 'ad_set', id: string, minor: number): WorldEntity;

  readonly tokens: {
    issue(g: Omit<TokenGrant, 'token' | 'issuedAt' | 'expiresAt' | 'revoked' | 'used'> & { ttlSeconds: number | null; token?: string }): TokenGrant;
    check(platform: AdPlatformId, token: string, kind: TokenGrant['kind']): TokenCheck;
    /** Codes are single use: marks it used and returns it, or says why not. */
    consumeCode(platform: AdPlatformId, code: string): TokenCheck;
    revoke(platform: AdPlatformId, token: string): boolean;
    /** Revokes every token descending from (or equal to) this one. */
    revokeFamily(platform: AdPlatformId, token: string): number;
    expireNow(platform: AdPlatformId, token: string): boolean;
  };

  readonly faults: {
    list(platform?: AdPlatformId): readonly FaultRule[];
    add(rule: Omit<FaultRule, 'id'>): FaultRule;
    clear(platform?: AdPlatformId): void;
    /** Decides for one request: the fault to inject, or null. Consumes `count`. */
    draw(platform: AdPlatformId, path: string): FaultRule | null;
  };

  readonly received: {
    record(kind: 'conversions' | 'mutations', platform: AdPlatformId, item: Record<string, unknown>): void;
    list(kind: 'conversions' | 'mutations', platform?: AdPlatformId): readonly ReceivedItem[];
    clear(kind: 'conversions' | 'mutations', platform?: AdPlatformId): void;
  };
}

export class WorldError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}
