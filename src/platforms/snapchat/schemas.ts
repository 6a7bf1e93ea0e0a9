import { z } from 'zod';

/**
 * The parts of Snapchat Marketing API answers the adapter reads. Every answer is an envelope
 * `{request_status, request_id, paging?, <plural>: [{sub_request_status, <singular>: {…}}]}`;
 * statuses are compared case-insensitively (stats print "success", entities "SUCCESS").
 */
const micro = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);
const count = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
const status = z.string().transform((s) => s.toUpperCase());

export const pagingSchema = z.object({ next_link: z.string().nullish() }).nullish();

export const snapErrorBodySchema = z.object({
  request_status: z.string().optional(),
  request_id: z.string().optional(),
  msg: z.string().optional(),
  debug_message: z.string().optional(),
  display_message: z.string().optional(),
  error_code: z.string().optional(),
});

/** The envelope around every answer; the entity list sits under a key named per endpoint. */
export const envelopeSchema = z.looseObject({
  request_status: status,
  request_id: z.string().optional(),
  paging: pagingSchema,
});

/** One item of an envelope's list: `{sub_request_status, <singular>: {…}}`. */
export const envelopeItemSchema = z.looseObject({
  sub_request_status: status.optional(),
  sub_request_error_reason: z.string().optional(),
});

export const organizationSchema = z.object({ id: z.string().min(1), name: z.string().default('') });

export const adAccountSchema = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  status: z.string().default('ACTIVE'),
  organization_id: z.string().optional(),
  currency: z.string().length(3),
  timezone: z.string().min(1),
});
export type SnapAdAccount = z.infer<typeof adAccountSchema>;

export const campaignSchema = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  ad_account_id: z.string().optional(),
  status: z.string().default('PAUSED'),
  objective: z.string().optional(),
  daily_budget_micro: micro.nullish(),
  lifetime_spend_cap_micro: micro.nullish(),
  delivery_status: z.array(z.string()).optional(),
});
export type SnapCampaign = z.infer<typeof campaignSchema>;

export const adSquadSchema = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  campaign_id: z.string().min(1),
  status: z.string().default('PAUSED'),
  daily_budget_micro: micro.nullish(),
  lifetime_budget_micro: micro.nullish(),
  optimization_goal: z.string().optional(),
  delivery_status: z.array(z.string()).optional(),
});
export type SnapAdSquad = z.infer<typeof adSquadSchema>;

export const adSchema = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  ad_squad_id: z.string().min(1),
  status: z.string().default('PAUSED'),
  review_status: z.string().optional(),
  delivery_status: z.array(z.string()).optional(),
});
export type SnapAd = z.infer<typeof adSchema>;

export const statsSchema = z
  .object({
    impressions: count.default(0),
    swipes: count.default(0),
    spend: micro.default(0),
    conversion_purchases: count.default(0),
    conversion_purchases_value: micro.default(0),
    conversion_sign_ups: count.default(0),
  })
  .default({ impressions: 0, swipes: 0, spend: 0, conversion_purchases: 0, conversion_purchases_value: 0, conversion_sign_ups: 0 });
export type SnapStats = z.infer<typeof statsSchema>;

const timeseriesSchema = z.array(z.object({ start_time: z.string(), end_time: z.string().optional(), stats: statsSchema }));

export const adTimeseriesSchema = z.object({ id: z.string().min(1), type: z.string().optional(), timeseries: timeseriesSchema.default([]) });
export type SnapAdTimeseries = z.infer<typeof adTimeseriesSchema>;

/** `GET /adaccounts/{id}/stats?granularity=DAY&breakdown=ad`: the account's series, broken down by ad. */
export const breakdownStatsResponseSchema = z.object({
  request_status: status,
  request_id: z.string().optional(),
  paging: pagingSchema,
  timeseries_stats: z
    .array(
      z.object({
        sub_request_status: status.optional(),
        sub_request_error_reason: z.string().optional(),
        timeseries_stat: z
          .object({
            id: z.string().optional(),
            type: z.string().optional(),
            breakdown_stats: z.object({ ad: z.array(z.unknown()).default([]) }).default({ ad: [] }),
          })
          .optional(),
      }),
    )
    .default([]),
});

/** `GET /adaccounts/{id}/stats?granularity=TOTAL`: one total over the whole window. */
export const totalStatsResponseSchema = z.object({
  request_status: status,
  request_id: z.string().optional(),
  total_stats: z
    .array(
      z.object({
        sub_request_status: status.optional(),
        sub_request_error_reason: z.string().optional(),
        total_stat: z.object({ id: z.string().optional(), stats: z.object({ spend: micro.default(0) }).default({ spend: 0 }) }).optional(),
      }),
    )
    .default([]),
});
