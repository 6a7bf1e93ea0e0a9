import { z } from 'zod';

/**
 * The parts of Google Ads REST answers the adapter reads. JSON follows the protobuf mapping:
 * lowerCamelCase keys, int64 as strings, doubles as numbers, enums as strings, and fields at
 * their default value may be left out — so most fields are optional with a default.
 */
const int64 = z.union([z.string().regex(/^-?\d+$/), z.number().int()]).transform(String);
const double = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/).transform(Number)]);

export const googleFailureSchema = z.object({
  '@type': z.string().optional(),
  errors: z
    .array(
      z.object({
        errorCode: z.record(z.string(), z.unknown()).optional(),
        message: z.string().optional(),
        details: z.object({ quotaErrorDetails: z.object({ retryDelay: z.string().optional() }).optional() }).optional(),
      }),
    )
    .optional(),
  requestId: z.string().optional(),
  // google.rpc.RetryInfo, when the detail is one
  retryDelay: z.string().optional(),
});

export const googleErrorBodySchema = z.object({
  error: z.object({
    code: z.number().int().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(googleFailureSchema).optional(),
  }),
});
export type GoogleErrorBody = z.infer<typeof googleErrorBodySchema>;

export const accessibleCustomersSchema = z.object({ resourceNames: z.array(z.string()).default([]) });

/** One page of `googleAds:search`; rows are parsed one by one with the row schemas below. */
export const searchPageSchema = z.object({
  results: z.array(z.unknown()).default([]),
  nextPageToken: z.string().optional(),
  fieldMask: z.string().optional(),
  requestId: z.string().optional(),
});

export const customerRowSchema = z.object({
  customer: z.object({
    id: int64,
    descriptiveName: z.string().default(''),
    currencyCode: z.string().length(3),
    timeZone: z.string().min(1),
    manager: z.boolean().default(false),
    testAccount: z.boolean().default(false),
    status: z.string().default('UNSPECIFIED'),
  }),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;

export const customerClientRowSchema = z.object({
  customerClient: z.object({
    id: int64,
    descriptiveName: z.string().default(''),
    manager: z.boolean().default(false),
    level: int64.optional(),
    currencyCode: z.string().length(3),
    timeZone: z.string().min(1),
    status: z.string().default('UNSPECIFIED'),
  }),
});
export type CustomerClientRow = z.infer<typeof customerClientRowSchema>;

export const campaignRowSchema = z.object({
  campaign: z.object({
    id: int64,
    name: z.string().default(''),
    status: z.string().default('UNSPECIFIED'),
    advertisingChannelType: z.string().optional(),
    campaignBudget: z.string().optional(),
  }),
  campaignBudget: z
    .object({
      resourceName: z.string().optional(),
      amountMicros: int64.optional(),
      explicitlyShared: z.boolean().default(false),
    })
    .optional(),
});
export type CampaignRow = z.infer<typeof campaignRowSchema>;

export const adGroupRowSchema = z.object({
  adGroup: z.object({
    id: int64,
    name: z.string().default(''),
    status: z.string().default('UNSPECIFIED'),
    campaign: z.string().min(1),
  }),
});
export type AdGroupRow = z.infer<typeof adGroupRowSchema>;

export const adRowSchema = z.object({
  adGroupAd: z.object({
    status: z.string().default('UNSPECIFIED'),
    adGroup: z.string().min(1),
    ad: z.object({ id: int64, name: z.string().default('') }),
  }),
});
export type AdRow = z.infer<typeof adRowSchema>;

const reportDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const deliveryRowSchema = z.object({
  adGroupAd: z.object({ ad: z.object({ id: int64 }) }),
  segments: z.object({ date: reportDate }),
  metrics: z
    .object({ costMicros: int64.default('0'), impressions: int64.default('0'), clicks: int64.default('0') })
    .default({ costMicros: '0', impressions: '0', clicks: '0' }),
});
export type DeliveryRow = z.infer<typeof deliveryRowSchema>;

/** A `FROM customer` cost row of one day; Google leaves a day out when its cost is zero. */
export const customerSpendRowSchema = z.object({
  segments: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  metrics: z.object({ costMicros: int64.default('0') }).default({ costMicros: '0' }),
});

export const conversionRowSchema = z.object({
  adGroupAd: z.object({ ad: z.object({ id: int64 }) }),
  segments: z.object({ date: reportDate, conversionActionCategory: z.string().default('UNSPECIFIED') }),
  metrics: z.object({ conversions: double.default(0), conversionsValue: double.default(0) }).default({ conversions: 0, conversionsValue: 0 }),
});
export type ConversionRow = z.infer<typeof conversionRowSchema>;

export const budgetLookupRowSchema = z.object({
  campaign: z.object({ id: int64, campaignBudget: z.string().optional() }),
  campaignBudget: z.object({ explicitlyShared: z.boolean().default(false) }).optional(),
});

export const idRowSchema = z.object({ campaign: z.object({ id: int64 }) });

export const mutateResponseSchema = z.object({
  results: z.array(z.object({ resourceName: z.string().optional() })).default([]),
  partialFailureError: z.object({ code: z.number().optional(), message: z.string().optional() }).optional(),
});
