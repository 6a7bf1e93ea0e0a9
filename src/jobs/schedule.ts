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
  { job: 'connections.oauth-attempts-cleanup', cron: '23 * * * *', tz: 'UTC' },
];

/** The table plus the entries whose timing is configured (SYNC_INTERVAL_MINUTES). */
export function scheduleFor(sync: { intervalMinutes: number }): ScheduleEntry[] {
  return [...schedules, { job: 'connections.sync-due', cron: everyMinutes(sync.intervalMinutes), tz: 'UTC' }];
}

/** A cron expression for "every n minutes"; n divides an hour, or is whole hours dividing a day (checked by config). */
export function everyMinutes(n: number): string {
  if (n < 60) return n === 1 ? '* * * * *' : `*/${n} * * * *`;
  const hours = n / 60;
  return hours === 1 ? '0 * * * *' : `0 */${hours} * * *`;
}
