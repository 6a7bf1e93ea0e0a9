import { z } from 'zod';
import { pageEventNames } from '../db/schema/visitors.js';

export const visitorIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const collectInputSchema = z.object({
  visitor_id: visitorIdSchema,
  events: z
    .array(
      z.object({
        event_id: z.string().regex(/^[A-Za-z0-9._:-]{8,100}$/),
        name: z.enum(pageEventNames),
        /** Scroll depth in percent (25/50/75/100), or whole seconds on the page. */
        value: z.number().int().min(0).max(86_400).optional(),
        url: z.string().max(2048).optional(),
        occurred_at: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(50),
});
export type CollectInput = z.infer<typeof collectInputSchema>;
