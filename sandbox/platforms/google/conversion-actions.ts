import { createHash } from 'node:crypto';

/**
 * Each Google account's conversion actions, derived from its customer id (the world has no
 * notion of them). Website tags measure the world's purchases and leads, so reports segmented
 * by conversion action split `metrics.conversions` into a PURCHASE row and a SUBMIT_LEAD_FORM
 * row; two UPLOAD_CLICKS actions are the ones `uploadClickConversions` accepts.
 */
export interface ConversionAction {
  id: string;
  name: string;
  type: 'WEBPAGE' | 'UPLOAD_CLICKS';
  category: 'PURCHASE' | 'SUBMIT_LEAD_FORM' | 'IMPORTED_LEAD';
  countingType: 'ONE_PER_CLICK' | 'MANY_PER_CLICK';
  /** Which of the world's numbers this action reports; uploads report none. */
  measures: 'purchases' | 'leads' | null;
  primaryForGoal: boolean;
  defaultValue: number;
  lookbackDays: number;
}

const SPECS: ReadonlyArray<Omit<ConversionAction, 'id'> & { key: string }> = [
  { key: 'web-purchase', name: 'Website purchase', type: 'WEBPAGE', category: 'PURCHASE', countingType: 'MANY_PER_CLICK', measures: 'purchases', primaryForGoal: true, defaultValue: 0, lookbackDays: 30 },
  { key: 'web-lead', name: 'Lead form submit', type: 'WEBPAGE', category: 'SUBMIT_LEAD_FORM', countingType: 'ONE_PER_CLICK', measures: 'leads', primaryForGoal: true, defaultValue: 1, lookbackDays: 30 },
  { key: 'upload-purchase', name: 'Stratum purchase (offline import)', type: 'UPLOAD_CLICKS', category: 'PURCHASE', countingType: 'MANY_PER_CLICK', measures: null, primaryForGoal: false, defaultValue: 0, lookbackDays: 90 },
  { key: 'upload-lead', name: 'Stratum lead (offline import)', type: 'UPLOAD_CLICKS', category: 'IMPORTED_LEAD', countingType: 'ONE_PER_CLICK', measures: null, primaryForGoal: false, defaultValue: 1, lookbackDays: 90 },
];

const cache = new Map<string, ConversionAction[]>();

export function conversionActions(customerId: string): readonly ConversionAction[] {
  let actions = cache.get(customerId);
  if (!actions) {
    actions = SPECS.map(({ key, ...spec }) => {
      const n = BigInt('0x' + createHash('sha256').update(`google-conversion-action:${customerId}:${key}`).digest('hex').slice(0, 12));
      return { ...spec, id: String(100_000_000n + (n % 8_900_000_000n)) };
    });
    cache.set(customerId, actions);
  }
  return actions;
}

/** The actions that carry the world's numbers, in report order. */
export const reportingActions = (customerId: string): readonly ConversionAction[] => conversionActions(customerId).filter((a) => a.measures !== null);
