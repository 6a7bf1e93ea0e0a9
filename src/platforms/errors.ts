import type { PlatformId } from './types.js';

/** The small vocabulary every platform's errors are translated into (CONVENTIONS.md). */
export type PlatformErrorCode = 'AUTH_EXPIRED' | 'PERMISSION_DENIED' | 'RATE_LIMITED' | 'TRANSIENT' | 'NOT_FOUND' | 'INVALID' | 'UNKNOWN';

export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly platform: PlatformId,
    readonly code: PlatformErrorCode,
    message: string,
    readonly details: {
      /** The platform's own code / subcode / status text, verbatim. */
      platformCode?: string | number;
      platformSubcode?: string | number;
      httpStatus?: number;
      /** RATE_LIMITED: how long the platform asks us to wait. */
      retryAfterMs?: number;
      requestId?: string;
    } = {},
  ) {
    super(message);
  }

  /** Worth trying again later (with backoff): throttling, 5xx, timeouts, network. */
  get retryable(): boolean {
    return this.code === 'RATE_LIMITED' || this.code === 'TRANSIENT';
  }
}

export const isPlatformError = (e: unknown): e is PlatformError => e instanceof PlatformError;
