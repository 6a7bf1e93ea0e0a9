import { z } from 'zod';
import { dateRangeSchema, type DateRange } from '../shared/dates.js';
import { PlatformError } from './errors.js';
import type { PlatformId } from './types.js';

/**
 * Checks on what callers hand an adapter, made before any request: a bad value is the caller's
 * INVALID, not something a platform should be asked about.
 */

export function checkedRange(platform: PlatformId, range: DateRange): DateRange {
  const parsed = dateRangeSchema.safeParse(range);
  if (!parsed.success) throw new PlatformError(platform, 'INVALID', `bad date range ${range.since}..${range.until}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

const authorizeInputSchema = z.object({ state: z.string().min(1), redirectUri: z.url({ protocol: /^https?$/ }) });

/** The state and callback of an authorize URL: the callback must be a web address, never `javascript:`. */
export function checkedAuthorizeInput(platform: PlatformId, input: { state: string; redirectUri: string }): { state: string; redirectUri: string } {
  const parsed = authorizeInputSchema.safeParse(input);
  if (!parsed.success) throw new PlatformError(platform, 'INVALID', `authorize URL: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** A stream whose checks run when it is first read, so they surface like every other error of the stream. */
export async function* deferred<T>(start: () => AsyncIterable<T>): AsyncGenerator<T> {
  yield* start();
}
