import { z } from 'zod';
import { AD_PLATFORMS, FAULT_KINDS } from './fault-spec.js';
import { MAX_ADS } from './validate.js';

const platform = z.enum(AD_PLATFORMS as [string, ...string[]]).transform((p) => p as (typeof AD_PLATFORMS)[number]);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const platformQuery = z.object({ platform: platform.optional() });
export const kindParams = z.object({ kind: z.enum(['conversions', 'mutations']) });

export const faultBody = z.object({
  platform,
  kind: z.enum(FAULT_KINDS as [string, ...string[]]).transform((k) => k as (typeof FAULT_KINDS)[number]),
  probability: z.number().min(0).max(1).default(1),
  count: z.number().int().min(1).nullish(),
  delay_ms: z.number().int().min(0).max(600_000).optional(),
  path_prefix: z.string().startsWith('/').nullish(),
});

export const accountBody = z
  .object({
    platform,
    name: z.string().trim().min(1).max(200),
    business: z.string().trim().min(1).max(200).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
    time_zone: z.string().min(1),
    owner: z.string().min(1).default('scale'),
    campaigns: z.number().int().min(1).max(MAX_ADS),
    ad_sets_per_campaign: z.number().int().min(1).max(100),
    ads_per_ad_set: z.number().int().min(1).max(100),
    seed: z.number().int().optional(),
    id: z.string().min(1).max(64).optional(),
    start_date: date.optional(),
  })
  .refine((b) => b.campaigns * b.ad_sets_per_campaign * b.ads_per_ad_set <= MAX_ADS, { message: `at most ${MAX_ADS} ads per account`, path: ['campaigns'] });

export const tokenBody = z.object({ platform, token: z.string().min(1) });

export const accountParams = z.object({ platform, id: z.string().min(1) });

export const reportQuery = z.object({
  since: date.optional(),
  until: date.optional(),
  level: z.enum(['account', 'campaign', 'ad_set', 'ad']).default('account'),
  /** Rows with no delivery are left out unless asked for, as the platforms' own reports do. */
  zeros: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const entitiesQuery = z.object({ level: z.enum(['campaign', 'ad_set', 'ad']).default('campaign') });
