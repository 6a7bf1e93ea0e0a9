/**
 * How long an address must wait after failed sign-ins: free for the first few typos, then
 * doubling from 30 s up to 15 minutes. The cap keeps a stranger who knows someone's
 * address from locking them out for long; password reset is never blocked by it.
 */
export const FREE_FAILURES = 4;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
/** Failures older than this are forgotten: the count starts again. */
export const FAILURE_MEMORY_MS = 24 * 3600_000;

export function waitAfterFailures(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES - 1));
}

export interface ThrottleState {
  failures: number;
  lastFailedAt: Date;
  blockedUntil: Date | null;
}

/** Seconds left to wait before this address may try again, or 0. */
export function secondsBlocked(state: ThrottleState | undefined, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000));
}
