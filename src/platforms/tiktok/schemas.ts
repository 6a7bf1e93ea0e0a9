import { z } from 'zod';

/**
 * The parts of TikTok Marketing API answers Stratum reads. Every answer is the envelope
 * `{code, message, request_id, data}`; objects are loose so unread fields reach `raw`.
 */

/** 64-bit ids: strings as documented; a JSON number is accepted only while it is exact. */
export const tiktokIdSchema = z.union([z.string().regex(/^\d+$/), z.number().int().refine(Number.isSafeInteger, 'an id beyond 2^53 lost precision')]).transform(String);

export const tiktokEnvelopeSchema = z.looseObject({
  code: z.coerce.number().int(),
  message: z.string().default(''),
  request_id: z.string().optional(),
  data: z.unknown().optional(),
});

export const tiktokSuccessSchema = z.looseObject({ code: z.literal(0).or(z.literal(20001)), data: z.unknown() });

export const tiktokPageInfoSchema = z.looseObject({
  page: z.coerce.number().int(),
  page_size: z.coerce.number().int().optional(),
  total_number: z.coerce.number().int().optional(),
  total_page: z.coerce.number().int(),
});

export const tiktokListSchema = <T extends z.ZodType>(item: T) => z.looseObject({ list: z.array(item), page_info: tiktokPageInfoSchema });

/** Amounts are major-unit decimals (`50.0`), as numbers or strings. */
export const tiktokAmountSchema = z.union([z.number(), z.string()]);

export const tiktokTokenDataSchema = z.looseObject({
  access_token: z.string().min(1),
  advertiser_ids: z.array(tiktokIdSchema).default([]),
  scope: z.array(z.union([z.number(), z.string()])).default([]),
  expires_in: z.coerce.number().optional(),
});

export const tiktokAdvertiserGetSchema = z.looseObject({
  list: z.array(z.looseObject({ advertiser_id: tiktokIdSchema, advertiser_name: z.string().default('') })),
});

export const tiktokAdvertiserInfoSchema = z.looseObject({
  advertiser_id: tiktokIdSchema,
  name: z.string().optional(),
  currency: z.string().length(3),
  timezone: z.string().optional(),
  display_timezone: z.string().optional(),
  status: z.string().optional(),
});
export type TiktokAdvertiserInfo = z.infer<typeof tiktokAdvertiserInfoSchema>;

const budget = {
  budget: tiktokAmountSchema.nullable().optional(),
  budget_mode: z.string().optional(),
};

export const tiktokCampaignSchema = z.looseObject({
  campaign_id: tiktokIdSchema,
  campaign_name: z.string(),
  objective_type: z.string().optional(),
  operation_status: z.string(),
  secondary_status: z.string().optional(),
  ...budget,
});
export type TiktokCampaign = z.infer<typeof tiktokCampaignSchema>;

export const tiktokAdGroupSchema = z.looseObject({
  adgroup_id: tiktokIdSchema,
  adgroup_name: z.string(),
  campaign_id: tiktokIdSchema,
  operation_status: z.string(),
  secondary_status: z.string().optional(),
  ...budget,
});
export type TiktokAdGroup = z.infer<typeof tiktokAdGroupSchema>;

export const tiktokAdSchema = z.looseObject({
  ad_id: tiktokIdSchema,
  ad_name: z.string(),
  adgroup_id: tiktokIdSchema,
  campaign_id: tiktokIdSchema,
  operation_status: z.string(),
  secondary_status: z.string().optional(),
});
export type TiktokAd = z.infer<typeof tiktokAdSchema>;

/** Metric values are strings; "-" or "" stands for "no data". */
export const tiktokReportRowSchema = z.looseObject({
  dimensions: z.looseObject({ ad_id: tiktokIdSchema, stat_time_day: z.string().regex(/^\d{4}-\d{2}-\d{2}/) }),
  metrics: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type TiktokReportRow = z.infer<typeof tiktokReportRowSchema>;

/** A row of an AUCTION_ADVERTISER report with the `advertiser_id` dimension only: the range's total. */
export const tiktokAdvertiserReportRowSchema = z.looseObject({
  dimensions: z.looseObject({ advertiser_id: tiktokIdSchema }),
  metrics: z.looseObject({ spend: z.union([z.string(), z.number(), z.null()]).optional() }),
});
