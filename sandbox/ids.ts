import { randomBytes } from 'node:crypto';

/** Opaque ids in the shapes the platforms use for request tracing. */
export const traceId = (bytes = 12): string => randomBytes(bytes).toString('base64url');
export const hexId = (bytes = 16): string => randomBytes(bytes).toString('hex');
