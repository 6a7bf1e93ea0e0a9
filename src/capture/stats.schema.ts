import { z } from 'zod';
import { timeZoneSchema } from '../shared/time-zone.js';

const isoDate = z.iso.date();

export const statsQuerySchema = z
  .object({
    /** First day, inclusive, in `time_zone` (default: 29 days before `to`). */
    from: isoDate.optional(),
    /** Last day, inclusive, in `time_zone` (default: today). */
    to: isoDate.optional(),
    /** Days are cut in this zone (default: the workspace's). */
    time_zone: timeZoneSchema.optional(),
    /** Operators only (platform admin token): another workspace than the house one. */
    workspace_id: z.string().min(1).max(80).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) <= 366, { message: 'at most 366 days at once', path: ['from'] });

export type StatsQuery = z.infer<typeof statsQuerySchema>;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable().describe('share of the previous step (null when it had none)');

export const statsOutputSchema = z.object({
  workspace_id: z.string(),
  range: z.object({ from: isoDate, to: isoDate, time_zone: z.string() }),
  totals: z.object({ leads: count, signups: count, verified: count, onboarded: count, connected: count }),
  /** lead → verified → onboarded → connected, each as a share of the step before it; `overall` is connected / signups. */
  rates: z.object({ verified: rate, onboarded: rate, connected: rate, overall: rate }),
  by_day: z.array(z.object({ date: isoDate, leads: count, signups: count })),
  by_platform: z.array(z.object({ platform: z.string(), leads: count, signups: count })),
  by_source: z.array(z.object({ source: z.string().nullable(), medium: z.string().nullable(), leads: count, signups: count })),
  by_campaign: z.array(z.object({ campaign: z.string().nullable(), source: z.string().nullable(), leads: count, signups: count })),
});

export type StatsOutput = z.infer<typeof statsOutputSchema>;
