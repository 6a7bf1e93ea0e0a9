import { z } from 'zod';
import { attributionFieldsSchema } from '../../capture/intake.schema.js';
import { touchSchema } from '../../capture/touch.schema.js';
import { ssoProviders } from '../../db/schema/sso.js';

export const ssoProviderSchema = z.enum(ssoProviders);

/** A touch the page kept in localStorage, sent as a JSON string (a form field is flat). */
const touchJson = z
  .string()
  .max(8000)
  .transform((s, ctx) => {
    try {
      return touchSchema.parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a touch as the page records it (JSON)' });
      return z.NEVER;
    }
  });

/**
 * What "Continue with …" sends (query string or form fields): why, in which language,
 * where to return, and everything the page knows about how the visitor arrived, because
 * the account is created only after the provider, and the click that brought them must
 * survive the round trip.
 */
export const ssoStartInputSchema = attributionFieldsSchema.omit({ language: true, source_page: true, event_id: true }).extend({
  intent: z.enum(['signin', 'signup']).default('signin'),
  lang: z.enum(['en', 'ar']).default('en'),
  return_to: z.string().max(512).optional(),
  company_name: z.string().trim().max(200).optional(),
  first_touch: touchJson.optional(),
});
export type SsoStartInput = z.infer<typeof ssoStartInputSchema>;

/**
 * What an attempt remembers for its callback (the `context` column). Read back through
 * this schema, so a row written by an older version fails loudly rather than half-works.
 */
export const attemptContextSchema = z.object({
  language: z.enum(['en', 'ar']),
  returnTo: z.string().nullable(),
  companyName: z.string().nullable(),
  /** The landing forms' attribution fields, as the password signup would have sent them. */
  attribution: attributionFieldsSchema.omit({ language: true, source_page: true, event_id: true }),
  firstTouch: touchSchema.nullable(),
});
export type AttemptContext = z.infer<typeof attemptContextSchema>;

/** Both ways the provider answers: a redirect (query) or Apple's form post (body). */
export const ssoCallbackInputSchema = z.object({
  state: z.string().max(200).optional(),
  code: z.string().max(4096).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  /** Apple, first authorization only: `{"name":{"firstName","lastName"},"email"}`, unsigned. */
  user: z.string().max(4000).optional(),
  /** RFC 9207's issuer identification, when the provider sends it. */
  iss: z.string().max(500).optional(),
});
export type SsoCallbackInput = z.infer<typeof ssoCallbackInputSchema>;
