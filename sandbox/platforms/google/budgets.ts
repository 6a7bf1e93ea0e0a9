import type { World, WorldAccount, WorldCampaign } from '../../world/types.js';
import { WorldError } from '../../world/types.js';

/**
 * Google keeps budgets in CampaignBudget resources referenced by `campaign.campaign_budget`;
 * ad groups have no budget. The sandbox gives each campaign its own (non-shared) budget whose
 * id is derived reversibly from the campaign id. Where the world put budgets on the ad sets of
 * a campaign, the campaign budget is their sum, and changing it rescales them proportionally.
 */
const MASK = 0x2f6a91c3n;

export const budgetIdOf = (campaignId: string): string => (BigInt(campaignId) ^ MASK).toString();

export function campaignIdOfBudget(budgetId: string): string | null {
  return /^\d{1,19}$/.test(budgetId) ? (BigInt(budgetId) ^ MASK).toString() : null;
}

/** Daily budget (minor units) of every campaign of an account, read once per request. */
export function budgetTable(world: World, account: WorldAccount): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of world.campaigns(account)) if (c.dailyBudgetMinor !== null) out.set(c.id, c.dailyBudgetMinor);
  for (const s of world.adSets(account)) {
    if (s.dailyBudgetMinor === null) continue;
    const c = world.entity(account, 'campaign', s.campaignId) as WorldCampaign | undefined;
    if (c && c.dailyBudgetMinor === null) out.set(s.campaignId, (out.get(s.campaignId) ?? 0) + s.dailyBudgetMinor);
  }
  return out;
}

/** Sets a campaign's daily budget, wherever the world keeps it. */
export function setCampaignBudget(world: World, account: WorldAccount, campaign: WorldCampaign, minor: number): void {
  if (campaign.dailyBudgetMinor !== null) {
    world.setDailyBudget(account, 'campaign', campaign.id, minor);
    return;
  }
  const sets = world.adSets(account).filter((s) => s.campaignId === campaign.id && s.dailyBudgetMinor !== null);
  const total = sets.reduce((n, s) => n + (s.dailyBudgetMinor ?? 0), 0);
  if (sets.length === 0 || total <= 0) throw new WorldError('invalid', `Campaign ${campaign.id} has no budget to change.`);
  if (minor < sets.length) throw new WorldError('invalid', 'The budget is too small to share between the campaign’s ad groups.');
  let left = minor;
  sets.forEach((s, i) => {
    const share = i === sets.length - 1 ? Math.max(1, left) : Math.max(1, Math.floor((minor * (s.dailyBudgetMinor ?? 0)) / total));
    left -= share;
    world.setDailyBudget(account, 'ad_set', s.id, share);
  });
}
