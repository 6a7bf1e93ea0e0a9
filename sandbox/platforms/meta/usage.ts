import type { FastifyReply } from 'fastify';

/**
 * Graph's rate-limit headers: JSON strings of percentages. `estimated_time_to_regain_access`
 * is in minutes, `reset_time_duration` in seconds. A normal answer reports low usage; a
 * throttled one reports 100% and when access returns.
 */
export type UseCase = 'ads_management' | 'ads_insights' | 'custom_audience';

export function usageHeaders(accountId: string | null, useCase: UseCase, throttled: { minutes: number } | null): Record<string, string> {
  const pct = throttled ? 100 : 1;
  const headers: Record<string, string> = {
    'X-App-Usage': JSON.stringify({ call_count: pct, total_cputime: pct, total_time: pct }),
  };
  if (accountId !== null) {
    headers['X-Business-Use-Case-Usage'] = JSON.stringify({
      [accountId]: [
        {
          type: useCase,
          call_count: pct,
          total_cputime: pct,
          total_time: pct,
          estimated_time_to_regain_access: throttled?.minutes ?? 0,
          ads_api_access_tier: 'standard_access',
        },
      ],
    });
    headers['X-Ad-Account-Usage'] = JSON.stringify({
      acc_id_util_pct: throttled ? 100 : 0.5,
      reset_time_duration: throttled ? throttled.minutes * 60 : 0,
      ads_api_access_tier: 'standard_access',
    });
  }
  if (useCase === 'ads_insights') {
    headers['X-FB-Ads-Insights-Throttle'] = JSON.stringify({ app_id_util_pct: pct, acc_id_util_pct: pct, ads_api_access_tier: 'standard_access' });
  }
  return headers;
}

export function reportUsage(reply: FastifyReply, accountId: string, useCase: UseCase): void {
  for (const [k, v] of Object.entries(usageHeaders(accountId, useCase, null))) reply.header(k, v);
}
