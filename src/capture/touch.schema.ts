import { z } from 'zod';
import { clickIdKeys, touchLimits, utmKeys, type ClickIdKey, type Touch, type UtmKey } from './attribution.js';

// Apart from attribution.ts so the page's capture script does not carry zod to every visitor.
const clickIdValue = z.string().trim().min(1).max(touchLimits.clickId);
const utmValue = z.string().trim().min(1).max(touchLimits.utm);
const urlValue = z.string().max(touchLimits.url);

// Built from the key lists so a new click id or utm key cannot be forgotten here.
const clickIdsSchema = z.object(
  Object.fromEntries(clickIdKeys.map((k) => [k, clickIdValue.optional()])) as Record<ClickIdKey, z.ZodOptional<typeof clickIdValue>>,
);
const utmSchema = z.object(
  Object.fromEntries(utmKeys.map((k) => [k, utmValue.optional()])) as Record<UtmKey, z.ZodOptional<typeof utmValue>>,
);

/** Validates a touch sent by the browser; unknown keys are dropped, lengths are bounded. */
export const touchSchema: z.ZodType<Touch> = z.object({
  utm: utmSchema,
  clickIds: clickIdsSchema,
  referrer: urlValue.nullable(),
  landingUrl: urlValue.nullable(),
  at: z.iso.datetime({ offset: true }),
});

