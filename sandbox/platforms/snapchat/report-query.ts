import { z } from 'zod';
import type { World, WorldAccount } from '../../world/types.js';
import { addDays, daysBetween, localParts, parseZonedIso } from './units.js';

/**
 * The stats query, checked like Snap does: DAY/TOTAL windows on local midnights of the ad
 * account's time zone, at most 31 days (the limit public clients work to), not past tomorrow.
 * HOUR exists on Snap but the world only holds days, so the sandbox refuses it plainly.
 */
export const MAX_DAYS = 31;

export const STAT_FIELDS = ['impressions', 'swipes', 'spend', 'conversion_purchases', 'conversion_purchases_value', 'conversion_sign_ups'] as const;
export type StatField = (typeof STAT_FIELDS)[number];
const DEFAULT_FIELDS: StatField[] = ['impressions', 'swipes', 'spend'];

export type Breakdown = 'campaign' | 'adsquad' | 'ad';

const querySchema = z
  .object({
    granularity: z.enum(['TOTAL', 'DAY', 'HOUR', 'LIFETIME']).default('TOTAL'),
    start_time: z.string().min(1, 'is required'),
    end_time: z.string().min(1, 'is required'),
    fields: z.string().optional(),
    breakdown: z.enum(['campaign', 'adsquad', 'ad']).optional(),
    omit_empty: z.enum(['true', 'false']).default('false'),
    swipe_up_attribution_window: z.enum(['1_DAY', '7_DAY', '28_DAY']).optional(),
    view_attribution_window: z.enum(['none', '1_HOUR', '3_HOUR', '6_HOUR', '1_DAY', '7_DAY', '28_DAY']).optional(),
    action_report_time: z.enum(['conversion', 'impression']).optional(),
  })
  .loose();

export interface StatsQuery {
  granularity: 'TOTAL' | 'DAY';
  /** Account-local dates: the first day, and the day after the last. */
  from: string;
  to: string;
  fields: StatField[];
  breakdown: Breakdown | null;
  omitEmpty: boolean;
  windows: Record<string, string>;
}

function localDay(value: string, name: string, account: WorldAccount): string | { error: string } {
  const ms = parseZonedIso(value);
  if (ms === null) {
    const hint = value.includes(' ') ? " (a '+' in the offset must be URL-encoded as %2B)" : '';
    return { error: `${name} must be an ISO 8601 date-time with an offset, e.g. 2025-01-01T00:00:00.000-08:00${hint}` };
  }
  const local = localParts(account.timeZone, ms);
  if (local.time !== '00:00:00.000') return { error: `${name} must be at midnight in the ad account's time zone (${account.timeZone})` };
  return local.date;
}

export function parseStatsQuery(raw: unknown, account: WorldAccount, world: World, allowed: readonly Breakdown[]): StatsQuery | { error: string } {
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: `${String(issue.path[0] ?? 'query')} ${issue.message}` };
  }
  const q = parsed.data;
  if (q.granularity === 'HOUR' || q.granularity === 'LIFETIME') return { error: `granularity ${q.granularity} is not available in the sandbox; use DAY or TOTAL` };
  const from = localDay(q.start_time, 'start_time', account);
  if (typeof from !== 'string') return from;
  const to = localDay(q.end_time, 'end_time', account);
  if (typeof to !== 'string') return to;
  const days = daysBetween(from, to);
  if (days <= 0) return { error: 'end_time must be after start_time' };
  if (days > MAX_DAYS) return { error: `The time range may not exceed ${MAX_DAYS} days` };
  if (to > addDays(world.today(account), 1)) return { error: 'end_time cannot be later than the end of today in the ad account time zone' };
  if (q.breakdown && !allowed.includes(q.breakdown)) return { error: `breakdown ${q.breakdown} is not supported for this entity` };
  const fields = q.fields ? q.fields.split(',').map((f) => f.trim()).filter(Boolean) : DEFAULT_FIELDS;
  const unknown = fields.find((f) => !(STAT_FIELDS as readonly string[]).includes(f));
  if (unknown) return { error: `Invalid field: ${unknown}` };
  const windows: Record<string, string> = {};
  if (q.swipe_up_attribution_window) windows.swipe_up_attribution_window = q.swipe_up_attribution_window;
  if (q.view_attribution_window) windows.view_attribution_window = q.view_attribution_window;
  return {
    granularity: q.granularity,
    from,
    to,
    fields: [...new Set(fields)] as StatField[],
    breakdown: q.breakdown ?? null,
    omitEmpty: q.omit_empty === 'true',
    windows,
  };
}
