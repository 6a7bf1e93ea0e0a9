import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The request body of Events API 2.0 (`POST /event/track/`), validated as TikTok does:
 * required fields, types, hashed identifiers as SHA-256 hex, batch size. Time windows depend on
 * the clock and are checked in conversions.ts.
 */
export const MAX_EVENTS = 1000;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Not a valid SHA-256 hash (64 lowercase hex characters).');
/** Email, phone and external id may be one hash or a list of hashes. */
const hashed = z.union([sha256, z.array(sha256).min(1).max(10)]);

const user = z.object({
  email: hashed.optional(),
  phone: hashed.optional(),
  external_id: hashed.optional(),
  first_name: sha256.optional(),
  last_name: sha256.optional(),
  zip_code: sha256.optional(),
  ttclid: z.string().max(500).optional(),
  ttp: z.string().max(500).optional(),
  ip: z.string().refine((s) => isIP(s) !== 0, 'Not a valid IP address.').optional(),
  user_agent: z.string().optional(),
  locale: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  country: z.string().optional(),
});

const content = z.object({
  content_id: z.string({ error: 'Not a valid string.' }).optional(),
  content_name: z.string().optional(),
  content_category: z.string().optional(),
  brand: z.string().optional(),
  price: z.number({ error: 'Not a valid number.' }).nonnegative().optional(),
  quantity: z.number({ error: 'Not a valid integer.' }).int().positive().optional(),
});

const properties = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'Not a valid ISO 4217 currency code.').optional(),
  value: z.number({ error: 'Not a valid number.' }).optional(),
  content_type: z.enum(['product', 'product_group']).optional(),
  contents: z.array(content).optional(),
  order_id: z.string().optional(),
  shop_id: z.string().optional(),
  query: z.string().optional(),
  description: z.string().optional(),
});

const page = z.object({ url: z.url('Not a valid URL.').optional(), referrer: z.string().optional() });

export const trackedEvent = z.object({
  event: z.string().min(1, 'Missing data for required field.'),
  event_time: z.number({ error: 'Missing data for required field.' }).int('Must be a Unix timestamp in seconds.'),
  event_id: z.string().max(500).optional(),
  user: user.optional(),
  page: page.optional(),
  properties: properties.optional(),
  limited_data_use: z.boolean().optional(),
  lead: z.object({ lead_id: z.string().optional(), lead_event_source: z.string().optional() }).optional(),
});

export const trackBody = z.object({
  event_source: z.enum(['web', 'app', 'offline', 'crm'], { error: 'Must be one of: web, app, offline, crm.' }),
  event_source_id: z.string().min(1, 'Missing data for required field.'),
  test_event_code: z.string().optional(),
  partner_name: z.string().optional(),
  data: z
    .array(trackedEvent)
    .min(1, 'Length must be between 1 and 1000.')
    .max(MAX_EVENTS, 'Length must be between 1 and 1000.'),
});

export type TrackBody = z.infer<typeof trackBody>;
