import { z } from 'zod';
import { errorCodes } from '../errors.js';

/** The error envelope, for route schemas and the OpenAPI document. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...(keyof typeof errorCodes)[]]),
    message: z.string(),
    details: z.unknown(),
  }),
});
