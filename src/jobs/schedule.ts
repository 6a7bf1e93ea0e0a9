/**
 * What runs when. The worker registers each entry with pg-boss at start and removes
 * schedules that are no longer listed, so this table is the single source of truth.
 * The next issues fill it (sync every 15 min, signal health hourly, rules every 30 min).
 */
export interface ScheduleEntry {
  job: string;
  cron: string;
  /** IANA zone the cron expression is read in. */
  tz: string;
  data?: Record<string, unknown>;
}

export const schedules: readonly ScheduleEntry[] = [
  { job: 'system.heartbeat', cron: '* * * * *', tz: 'UTC' },
  { job: 'accounts.sso-attempts-cleanup', cron: '17 * * * *', tz: 'UTC' },
];
