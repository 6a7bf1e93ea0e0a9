import { z } from 'zod';
import { invalid } from './errors.js';
import { decodeJsonParam, parseOrThrow } from './params.js';

/** The `filtering` object of `/campaign/get/`, `/adgroup/get/` and `/ad/get/` (the commonly used keys). */
const ids = z.array(z.union([z.string(), z.number()]).transform(String)).min(1).max(100);

export const filteringSchema = z.object({
  campaign_ids: ids.optional(),
  adgroup_ids: ids.optional(),
  ad_ids: ids.optional(),
  primary_status: z.string().optional(),
  secondary_status: z.string().optional(),
  objective_type: z.string().optional(),
});

export type Filtering = z.infer<typeof filteringSchema>;

export function readFiltering(raw: string | undefined): Filtering {
  const v = decodeJsonParam('filtering', raw);
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid('filtering: Not a valid JSON object.');
  return parseOrThrow(filteringSchema, v);
}

/** What an entity looks like to the status filters. */
export interface StatusView {
  operation: 'ENABLE' | 'DISABLE';
  secondary: string;
  delivering: boolean;
}

const PRIMARY = new Set([
  'STATUS_ALL', 'STATUS_NOT_DELETE', 'STATUS_DELETE', 'STATUS_DELIVERY_OK', 'STATUS_DISABLE', 'STATUS_NOT_DELIVERY',
  'STATUS_TIME_DONE', 'STATUS_NO_SCHEDULE', 'STATUS_FROZEN', 'STATUS_AUDIT', 'STATUS_REAUDIT', 'STATUS_AUDIT_DENY',
]);

/**
 * A predicate for the status filters, or null when they select everything. Deleted entities
 * do not exist in the sandbox, so `STATUS_DELETE` and the statuses it never reaches (audit,
 * frozen, finished) select nothing.
 */
export function statusPredicate(f: Filtering, prefix: 'CAMPAIGN_STATUS_' | 'ADGROUP_STATUS_' | 'AD_STATUS_'): ((v: StatusView) => boolean) | null {
  const tests: Array<(v: StatusView) => boolean> = [];
  if (f.primary_status !== undefined) {
    const p = f.primary_status;
    if (!PRIMARY.has(p)) throw invalid(`filtering.primary_status: ${p} is not a valid primary status.`);
    if (p === 'STATUS_DELIVERY_OK') tests.push((v) => v.delivering);
    else if (p === 'STATUS_NOT_DELIVERY') tests.push((v) => !v.delivering);
    else if (p === 'STATUS_DISABLE') tests.push((v) => v.operation === 'DISABLE');
    else if (p !== 'STATUS_ALL' && p !== 'STATUS_NOT_DELETE') tests.push(() => false);
  }
  if (f.secondary_status !== undefined) {
    const s = f.secondary_status;
    if (!s.startsWith(prefix)) throw invalid(`filtering.secondary_status: ${s} is not a valid ${prefix.slice(0, -1).toLowerCase()}.`);
    if (s !== `${prefix}ALL` && s !== `${prefix}NOT_DELETE`) tests.push((v) => v.secondary === s);
  }
  return tests.length === 0 ? null : (v) => tests.every((t) => t(v));
}
