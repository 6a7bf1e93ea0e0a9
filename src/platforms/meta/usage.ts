import { z } from 'zod';

/**
 * Meta's rate-limit headers (JSON text, percentages of a quota). They tell how close we are to
 * being throttled and, once throttled, how long until access returns — the number a
 * RATE_LIMITED error should carry so a job can be rescheduled rather than retried blindly.
 */
export interface MetaUsage {
  /** Highest utilisation percentage across all headers, or null when none were sent. */
  maxUtilPct: number | null;
  /** How long Meta says access is blocked, when it says so. */
  regainAccessMs: number | undefined;
}

const pct = z.coerce.number().nonnegative().catch(0);
const bucEntry = z.looseObject({
  call_count: pct.optional(),
  total_cputime: pct.optional(),
  total_time: pct.optional(),
  // Minutes, per Meta's rate-limiting page.
  estimated_time_to_regain_access: pct.optional(),
});
const bucHeader = z.record(z.string(), z.array(bucEntry));
const appHeader = z.looseObject({ call_count: pct.optional(), total_cputime: pct.optional(), total_time: pct.optional() });
const adAccountHeader = z.looseObject({ acc_id_util_pct: pct.optional(), reset_time_duration: pct.optional() });
const insightsHeader = z.looseObject({ app_id_util_pct: pct.optional(), acc_id_util_pct: pct.optional() });

function parseHeader<T>(headers: Headers, name: string, schema: z.ZodType<T>): T | undefined {
  const text = headers.get(name);
  if (!text) return undefined;
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

const nums = (...xs: Array<number | undefined>): number[] => xs.filter((x): x is number => typeof x === 'number');

export function readMetaUsage(headers: Headers): MetaUsage {
  const pcts: number[] = [];
  const waits: number[] = [];

  const buc = parseHeader(headers, 'x-business-use-case-usage', bucHeader);
  for (const entries of Object.values(buc ?? {})) {
    for (const e of entries) {
      pcts.push(...nums(e.call_count, e.total_cputime, e.total_time));
      if (e.estimated_time_to_regain_access) waits.push(e.estimated_time_to_regain_access * 60_000);
    }
  }
  const app = parseHeader(headers, 'x-app-usage', appHeader);
  if (app) pcts.push(...nums(app.call_count, app.total_cputime, app.total_time));
  const acc = parseHeader(headers, 'x-ad-account-usage', adAccountHeader);
  if (acc) {
    pcts.push(...nums(acc.acc_id_util_pct));
    // The reset countdown only means "blocked" once the account's score is used up.
    if ((acc.acc_id_util_pct ?? 0) >= 100 && acc.reset_time_duration) waits.push(acc.reset_time_duration * 1000);
  }
  const insights = parseHeader(headers, 'x-fb-ads-insights-throttle', insightsHeader);
  if (insights) pcts.push(...nums(insights.app_id_util_pct, insights.acc_id_util_pct));

  return {
    maxUtilPct: pcts.length ? Math.max(...pcts) : null,
    regainAccessMs: waits.length ? Math.max(...waits) : undefined,
  };
}
