import pLimit from 'p-limit';
import { addDays, localDate, type DateRange } from '../shared/dates.js';
import { DEFAULT_ATTEMPTS, DEFAULT_MAX_BACKOFF_MS, DEFAULT_TIMEOUT_MS } from './http.js';
import type { AdAccount, AdapterContext } from './types.js';

/**
 * The "monthly spend" figure of the account selection step: each account's spend over the last
 * 30 days, read after the accounts are listed. It is a hint for choosing accounts, so it never
 * holds the listing back: a read that fails leaves that account's figure null.
 */

/** Spend reads in flight at once: a person with 40 accounts should not spend 40 of a token's rate at a stroke. */
export const SPEND_CONCURRENCY = 4;

/**
 * The person is waiting on the consent callback while these run, so a spend read gets one retry
 * and short waits; a platform asking for longer gets a null figure, not a stalled page.
 */
const SPEND_ATTEMPTS = 2;
const SPEND_MAX_BACKOFF_MS = 2_000;
const SPEND_TIMEOUT_MS = 10_000;

export function spendContext(ctx: AdapterContext): AdapterContext {
  return {
    ...ctx,
    attempts: Math.min(ctx.attempts ?? DEFAULT_ATTEMPTS, SPEND_ATTEMPTS),
    maxBackoffMs: Math.min(ctx.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS, SPEND_MAX_BACKOFF_MS),
    timeoutMs: Math.min(ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS, SPEND_TIMEOUT_MS),
  };
}

/**
 * The 30 account-local days ending yesterday: today is partial (METRICS.md), and it is the
 * range Meta's `last_30d` and Google's `LAST_30_DAYS` cover, so all four platforms agree.
 */
export function last30Days(now: Date, timeZone: string): DateRange {
  const today = localDate(now, timeZone);
  return { since: addDays(today, -30), until: addDays(today, -1) };
}

/**
 * The accounts, in their order, each with `spendLast30dMinor` from `read` (at most
 * `concurrency` reads at once), or null where `read` failed or gave something unusable.
 */
export async function withSpendLast30d(
  accounts: readonly AdAccount[],
  read: (account: AdAccount) => Promise<number>,
  concurrency: number = SPEND_CONCURRENCY,
): Promise<AdAccount[]> {
  const limit = pLimit(concurrency);
  return limit.map(accounts, async (account) => {
    let spend: number | null;
    try {
      const minor = await read(account);
      spend = Number.isSafeInteger(minor) && minor >= 0 ? minor : null;
    } catch {
      // Deliberately swallowed: adapters do not log, and a missing hint must not cost the person the listing.
      spend = null;
    }
    return { ...account, spendLast30dMinor: spend };
  });
}
