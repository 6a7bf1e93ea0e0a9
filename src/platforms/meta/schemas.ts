import { z } from 'zod';

/**
 * The parts of Graph API responses Stratum reads. Objects are loose so the fields we did not
 * ask about still reach `raw`; numbers Graph prints as strings (budgets, insights) stay strings
 * here and are converted in map.ts, where the currency is known.
 */
const digits = z.string().regex(/^\d+$/, 'an integer string');
const decimal = z.string().regex(/^-?\d*(\.\d+)?$/, 'a decimal string');

export const metaErrorBodySchema = z.object({
  error: z.looseObject({
    message: z.string().default(''),
    type: z.string().optional(),
    code: z.coerce.number().int(),
    error_subcode: z.coerce.number().int().optional(),
    is_transient: z.boolean().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type MetaErrorBody = z.infer<typeof metaErrorBodySchema>['error'];

export const metaPagingSchema = z.looseObject({
  cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
  next: z.string().optional(),
  previous: z.string().optional(),
});

export const metaPageSchema = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), paging: metaPagingSchema.optional() });

export const metaAdAccountSchema = z.looseObject({
  id: z.string(),
  account_id: z.string().optional(),
  name: z.string(),
  account_status: z.coerce.number().int(),
  currency: z.string().length(3),
  timezone_name: z.string(),
});
export type MetaAdAccount = z.infer<typeof metaAdAccountSchema>;

const budgetFields = {
  daily_budget: digits.optional(),
  lifetime_budget: digits.optional(),
};

export const metaCampaignSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  effective_status: z.string().optional(),
  objective: z.string().optional(),
  ...budgetFields,
});
export type MetaCampaign = z.infer<typeof metaCampaignSchema>;

export const metaAdSetSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  campaign_id: z.string(),
  status: z.string(),
  effective_status: z.string().optional(),
  optimization_goal: z.string().optional(),
  ...budgetFields,
});
export type MetaAdSet = z.infer<typeof metaAdSetSchema>;

export const metaAdSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  adset_id: z.string(),
  campaign_id: z.string(),
  status: z.string(),
  effective_status: z.string().optional(),
});
export type MetaAd = z.infer<typeof metaAdSchema>;

const actionSchema = z.looseObject({ action_type: z.string(), value: decimal });
export type MetaAction = z.infer<typeof actionSchema>;

export const metaInsightSchema = z.looseObject({
  ad_id: z.string(),
  date_start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  date_stop: z.string().optional(),
  spend: decimal.optional(),
  impressions: digits.optional(),
  inline_link_clicks: digits.optional(),
  actions: z.array(actionSchema).optional(),
  action_values: z.array(actionSchema).optional(),
});
export type MetaInsight = z.infer<typeof metaInsightSchema>;

/** An account-level insights row over a whole range: `spend` in major units; Graph sends no row when nothing was delivered. */
export const metaSpendRowSchema = z.looseObject({
  spend: decimal.optional(),
  date_start: z.string().optional(),
  date_stop: z.string().optional(),
});

export const metaTokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().optional(),
});

export const metaSuccessSchema = z.looseObject({ success: z.boolean() });

export const metaPixelSchema = z.looseObject({ id: z.string(), name: z.string().default('') });

export const metaDatasetQualitySchema = z.looseObject({
  web: z
    .array(
      z.looseObject({
        event_name: z.string(),
        event_match_quality: z.looseObject({ composite_score: z.number().nullable().optional() }).nullable().optional(),
      }),
    )
    .default([]),
});
