import { retryAfterFrom } from '../shared/retry-after.js';
/**
 * What went wrong talking to a CRM, in the small vocabulary the job decides on: retry
 * (with backoff, or after the CRM's Retry-After) or give up and show the failure.
 */
export type CrmErrorCode = 'RATE_LIMITED' | 'TRANSIENT' | 'AUTH_EXPIRED' | 'PERMISSION_DENIED' | 'NOT_FOUND' | 'INVALID' | 'UNKNOWN';

export class CrmError extends Error {
  readonly code: CrmErrorCode;
  /** The job retries this later; false means retrying cannot help (fix the data or the settings). */
  readonly retryable: boolean;
  readonly httpStatus: number | null;
  /** The CRM asked to wait this long before the next attempt. */
  readonly retryAfterSeconds: number | null;

  constructor(
    message: string,
    opts: { code: CrmErrorCode; retryable: boolean; httpStatus?: number | null; retryAfterSeconds?: number | null },
  ) {
    super(message);
    this.name = 'CrmError';
    this.code = opts.code;
    this.retryable = opts.retryable;
    this.httpStatus = opts.httpStatus ?? null;
    this.retryAfterSeconds = opts.retryAfterSeconds ?? null;
  }
}

/** The meaning of an HTTP status from any CRM or webhook receiver (providers refine it from their bodies). */
export function classifyStatus(status: number): { code: CrmErrorCode; retryable: boolean } {
  if (status === 429) return { code: 'RATE_LIMITED', retryable: true };
  if (status === 408 || status === 425 || status >= 500) return { code: 'TRANSIENT', retryable: true };
  if (status === 401) return { code: 'AUTH_EXPIRED', retryable: false };
  if (status === 403) return { code: 'PERMISSION_DENIED', retryable: false };
  if (status === 404 || status === 410) return { code: 'NOT_FOUND', retryable: false };
  if (status >= 400) return { code: 'INVALID', retryable: false };
  // A redirect: a POST must not silently turn into a GET somewhere else.
  return { code: 'UNKNOWN', retryable: false };
}

const MAX_RETRY_AFTER_SECONDS = 6 * 3600;

/** `Retry-After` as seconds (`120`) or an HTTP date; null when absent or unreadable. Capped at 6 hours. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  const ms = retryAfterFrom(value, now);
  return ms === null ? null : Math.min(Math.ceil(ms / 1000), MAX_RETRY_AFTER_SECONDS);
}

/** Bounded, single-line text of a provider's message, safe for a status column. */
export function clip(text: string, max = 500): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
