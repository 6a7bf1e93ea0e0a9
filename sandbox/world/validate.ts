import { isDate, isValidTimeZone } from './dates.js';
import { AD_PLATFORMS } from './fault-spec.js';
import { WorldError, type World } from './types.js';

/** Largest account the sandbox will generate: ten times the benchmark's 10,000 ads. */
export const MAX_ADS = 100_000;

export function validateNewAccount(input: Parameters<World['addAccount']>[0], personExists: (id: string) => boolean): void {
  const problems: string[] = [];
  if (!AD_PLATFORMS.includes(input.platform)) problems.push(`unknown platform ${String(input.platform)}`);
  if (!input.name?.trim()) problems.push('name is required');
  if (!/^[A-Z]{3}$/.test(input.currency ?? '')) problems.push('currency must be an ISO 4217 code');
  if (!isValidTimeZone(input.timeZone ?? '')) problems.push(`unknown time zone ${String(input.timeZone)}`);
  const { campaigns, adSetsPerCampaign, adsPerAdSet } = input.size ?? { campaigns: NaN, adSetsPerCampaign: NaN, adsPerAdSet: NaN };
  const counts = [campaigns, adSetsPerCampaign, adsPerAdSet];
  if (!counts.every((n) => Number.isInteger(n) && n >= 1)) problems.push('size counts must be positive integers');
  else if (campaigns * adSetsPerCampaign * adsPerAdSet > MAX_ADS) problems.push(`at most ${MAX_ADS} ads per account`);
  if (input.startDate !== undefined && !isDate(input.startDate)) problems.push('startDate must be YYYY-MM-DD');
  if (input.seed !== undefined && !Number.isInteger(input.seed)) problems.push('seed must be an integer');
  for (const owner of input.ownerIds ?? []) if (!personExists(owner)) problems.push(`unknown person ${owner}`);
  if (problems.length) throw new WorldError('invalid', problems.join('; '));
}
