import { z } from 'zod';
import { passwordSchema } from '../accounts/password-policy.js';

/**
 * The landing forms' contract (the seed's payload, snake_case as the seed has it), shared
 * by the server and the browser so both validate the same way.
 */
const opt = (max: number) => z.string().trim().max(max).optional();
const url = z.string().trim().max(2048).optional();

export const attributionFieldsSchema = z.object({
  source_page: z.string().trim().max(100).default('landing'),
  language: z.enum(['en', 'ar']).default('en'),
  utm_source: opt(300),
  utm_medium: opt(300),
  utm_campaign: opt(300),
  utm_content: opt(300),
  utm_term: opt(300),
  fbclid: opt(500),
  gclid: opt(500),
  gbraid: opt(500),
  wbraid: opt(500),
  ttclid: opt(500),
  sccid: opt(500),
  fbc: opt(600),
  fbp: opt(200),
  ttp: opt(200),
  scid: opt(200),
  referrer_url: url,
  landing_url: url,
  user_agent: opt(1000),
  /** The anonymous first-party visitor id (the `stratum_vid` cookie / localStorage). */
  visitor_id: z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
  /** The id the browser pixel used for this form's conversion, so platforms deduplicate. */
  event_id: z.string().trim().regex(/^[A-Za-z0-9._:-]{8,100}$/).optional(),
});

const person = {
  email: z.email('Enter a valid email address').max(320),
  full_name: z.string().trim().min(1, 'Enter your name').max(200),
  company_name: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(40).optional(),
};

/** Bot traps: a field people never see, and the time the form was opened. */
const botTraps = {
  website: z.string().max(500).optional(),
  form_started_at: z.number().int().positive().optional(),
};

export const subscribeInputSchema = attributionFieldsSchema.extend({
  ...person,
  company_name: z.string().trim().min(1, 'Enter your company').max(200),
  password: passwordSchema,
  ...botTraps,
});
export type SubscribeInput = z.infer<typeof subscribeInputSchema>;

export const leadInputSchema = attributionFieldsSchema.extend({
  ...person,
  full_name: z.string().trim().max(200).optional(),
  message: z.string().trim().max(5000).optional(),
  ...botTraps,
});
export type LeadInput = z.infer<typeof leadInputSchema>;

export const subscribeOutputSchema = z.object({
  lead_id: z.string(),
  user_id: z.string(),
  platform: z.string(),
  score: z.number().int().min(0).max(100),
  status: z.literal('pending_verification'),
});
export type SubscribeOutput = z.infer<typeof subscribeOutputSchema>;

export const leadOutputSchema = z.object({
  lead_id: z.string(),
  platform: z.string(),
  score: z.number().int().min(0).max(100),
});
