import { addDays, type DateRange } from '../../shared/dates.js';

/**
 * Which days a sync reads. The first sync reads `initialDays` up to today. Later ones resume
 * after the last day fully read, but always re-read the trailing `lookbackDays`, because
 * platforms restate recent numbers (late conversions, invalid-click refunds).
 */
export function metricsWindow(p: { today: string; syncedThrough: string | null; initialDays: number; lookbackDays: number }): DateRange {
  const initialStart = addDays(p.today, -(p.initialDays - 1));
  if (!p.syncedThrough) return { since: initialStart, until: p.today };
  const resume = addDays(p.syncedThrough, 1);
  const lookbackStart = addDays(p.today, -(p.lookbackDays - 1));
  const since = resume < lookbackStart ? resume : lookbackStart;
  return { since: since < initialStart ? initialStart : since, until: p.today };
}
