import { z } from 'zod';

/**
 * What the Conversions API accepts in one server event (parameters reference): the required
 * fields, `action_source` values, customer-information keys and which of them must arrive as
 * SHA-256 (64 lowercase hex) digests.
 */
export const MAX_EVENTS = 1_000;
export const MAX_AGE_SECONDS = 7 * 86_400;
/** Physical-store events may be uploaded up to 62 days late. */
export const MAX_AGE_STORE_SECONDS = 62 * 86_400;
/** Clock skew the sandbox tolerates before calling an event "in the future". */
export const FUTURE_TOLERANCE_SECONDS = 600;

export const ACTION_SOURCES = ['email', 'website', 'app', 'phone_call', 'chat', 'physical_store', 'system_generated', 'business_messaging', 'other'] as const;
/** Keys whose values must be hashed before sending. */
export const HASHED_KEYS = ['em', 'ph', 'fn', 'ln', 'ge', 'db', 'ct', 'st', 'zp', 'country'] as const;
/** Keys sent as they are (hashing external_id is recommended, not required). */
export const RAW_KEYS = [
  'external_id', 'client_ip_address', 'client_user_agent', 'fbc', 'fbp', 'subscription_id', 'fb_login_id', 'lead_id', 'anon_id', 'madid',
  'page_id', 'page_scoped_user_id', 'ctwa_clid', 'ig_account_id', 'ig_sid',
] as const;
/** Alone, these do not identify anyone: Meta asks for more than an IP address or a user agent. */
const WEAK_KEYS = new Set(['client_ip_address', 'client_user_agent', 'page_id', 'ig_account_id']);

const SHA256 = /^[0-9a-f]{64}$/;
const stringOrList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const userDataSchema = z
  .object(Object.fromEntries([...HASHED_KEYS, ...RAW_KEYS].map((k) => [k, stringOrList.optional()])) as Record<string, z.ZodOptional<typeof stringOrList>>)
  .strict()
  .superRefine((ud, ctx) => {
    for (const k of HASHED_KEYS) {
      const v = ud[k];
      const values = v === undefined ? [] : Array.isArray(v) ? v : [v];
      values.forEach((x, i) => {
        if (!SHA256.test(x)) ctx.addIssue({ code: 'custom', path: Array.isArray(v) ? [k, i] : [k], message: `${k} must be hashed with SHA-256 (64 lowercase hex characters)` });
      });
    }
    const present = Object.keys(ud).filter((k) => ud[k] !== undefined);
    if (present.length === 0 || present.every((k) => WEAK_KEYS.has(k))) {
      ctx.addIssue({ code: 'custom', path: [], message: 'user_data must contain at least one customer information parameter that identifies the person (e.g. em, ph, external_id, fbc, fbp, or client_ip_address with client_user_agent)' });
    }
  });

export const eventSchema = z
  .object({
    event_name: z.string({ message: 'The parameter event_name is required' }).min(1, 'The parameter event_name is required'),
    event_time: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)], { message: 'event_time must be a Unix timestamp in seconds' }).pipe(z.number().int('event_time must be a Unix timestamp in seconds')),
    action_source: z.enum(ACTION_SOURCES, { message: `action_source must be one of ${ACTION_SOURCES.join(', ')}` }),
    event_source_url: z.string().url('event_source_url must be a valid URL').optional(),
    event_id: z.string().min(1).optional(),
    opt_out: z.boolean().optional(),
    user_data: userDataSchema,
    custom_data: z
      .object({ value: z.number().optional(), currency: z.string().regex(/^[A-Za-z]{3}$/, 'currency must be an ISO 4217 code').optional() })
      .catchall(z.unknown())
      .optional(),
    app_data: z.record(z.string(), z.unknown()).optional(),
    data_processing_options: z.array(z.string()).optional(),
    data_processing_options_country: z.number().int().optional(),
    data_processing_options_state: z.number().int().optional(),
    referrer_url: z.string().optional(),
    original_event_data: z.record(z.string(), z.unknown()).optional(),
    messaging_channel: z.string().optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.action_source === 'website') {
      if (!e.event_source_url) ctx.addIssue({ code: 'custom', path: ['event_source_url'], message: 'event_source_url is required for website events' });
      if (!e.user_data.client_user_agent) ctx.addIssue({ code: 'custom', path: ['user_data', 'client_user_agent'], message: 'client_user_agent is required for website events' });
    }
    if (e.event_name === 'Purchase' && (e.custom_data?.value === undefined || e.custom_data?.currency === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['custom_data'], message: 'Purchase events require custom_data.value and custom_data.currency' });
    }
  });

export type ServerEvent = z.infer<typeof eventSchema>;
