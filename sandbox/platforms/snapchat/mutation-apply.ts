import { z } from 'zod';
import { WorldError, type Level, type World, type WorldAccount, type WorldEntity } from '../../world/types.js';
import { adJson, adSquadJson, campaignJson } from './serialize.js';
import { microPerMinor, microToMinor } from './units.js';

/**
 * Applying one Snap entity object (from a PUT's full object or a PATCH's partial one) to the
 * world. Only status and daily budget change the world; the world keeps no names or schedules,
 * so other attributes are accepted and left as they were.
 */
export type Kind = 'campaigns' | 'adsquads' | 'ads';
export const LEVEL: Record<Kind, Level> = { campaigns: 'campaign', adsquads: 'ad_set', ads: 'ad' };
export const SINGULAR: Record<Kind, string> = { campaigns: 'campaign', adsquads: 'adsquad', ads: 'ad' };

/** Snap's smallest daily budgets, in major units of the account currency (USD 20 campaign, 5 ad squad). */
const MIN_DAILY_MAJOR: Partial<Record<Kind, number>> = { campaigns: 20, adsquads: 5 };

const status = z.enum(['ACTIVE', 'PAUSED']);
const micro = z.number().int().positive();

/** PUT replaces the whole object, so Snap's required attributes must be there. */
export const putItemSchemas: Record<Kind, z.ZodType<Record<string, unknown>>> = {
  campaigns: z.object({ id: z.string().min(1), name: z.string().min(1), ad_account_id: z.string().min(1), status, start_time: z.string().min(1), daily_budget_micro: micro.nullish() }).loose(),
  adsquads: z.object({ id: z.string().min(1), name: z.string().min(1), campaign_id: z.string().min(1), status, daily_budget_micro: micro.nullish(), lifetime_budget_micro: micro.nullish() }).loose(),
  ads: z.object({ id: z.string().min(1), name: z.string().min(1), ad_squad_id: z.string().min(1), status }).loose(),
};

export type ItemResult = { ok: true; json: Record<string, unknown> } | { ok: false; reason: string; immutable?: boolean };

export function entityJson(world: World, account: WorldAccount, kind: Kind, e: WorldEntity): Record<string, unknown> {
  if (kind === 'campaigns' && e.level === 'campaign') return campaignJson(e, account);
  if (kind === 'adsquads' && e.level === 'ad_set') return adSquadJson(e, account, world);
  if (e.level === 'ad') return adJson(e);
  throw new Error(`entity ${e.id} is not a ${SINGULAR[kind]}`);
}

/** Which parent attribute must keep its value, and what it is for this entity. */
export function parentOf(account: WorldAccount, e: WorldEntity): [string, string] {
  if (e.level === 'campaign') return ['ad_account_id', account.id];
  if (e.level === 'ad_set') return ['campaign_id', e.campaignId];
  return ['ad_squad_id', e.adSetId];
}

/** Checks then applies the status and budget in `item` to entity `e`; the entity as Snap shows it afterwards. */
export function applyChanges(world: World, account: WorldAccount, kind: Kind, e: WorldEntity, item: Record<string, unknown>): ItemResult {
  const newStatus = item.status;
  if (newStatus !== undefined && newStatus !== 'ACTIVE' && newStatus !== 'PAUSED') return { ok: false, reason: 'status must be ACTIVE or PAUSED' };
  let minor: number | null = null;
  const budget = item.daily_budget_micro;
  if (budget !== undefined && budget !== null) {
    if (kind === 'ads') return { ok: false, reason: 'Ads have no daily_budget_micro' };
    if (typeof budget !== 'number' || !Number.isSafeInteger(budget) || budget <= 0) return { ok: false, reason: 'daily_budget_micro must be a positive integer (micro-currency)' };
    minor = microToMinor(budget, account.currency);
    if (minor === null) return { ok: false, reason: `daily_budget_micro ${budget} is not a whole number of ${account.currency} minor units (use multiples of ${microPerMinor(account.currency)})` };
    const current = 'dailyBudgetMinor' in e ? e.dailyBudgetMinor : null;
    const min = MIN_DAILY_MAJOR[kind];
    if (minor !== current && min !== undefined && budget < min * 1_000_000) {
      return { ok: false, reason: `daily_budget_micro must be at least ${min * 1_000_000} (${min}.00 ${account.currency})` };
    }
    if (minor === current) minor = null;
  }
  try {
    if (minor !== null) world.setDailyBudget(account, kind === 'campaigns' ? 'campaign' : 'ad_set', e.id, minor);
    if (newStatus !== undefined && newStatus !== e.status) world.setStatus(account, LEVEL[kind], e.id, newStatus);
  } catch (err) {
    if (err instanceof WorldError) return { ok: false, reason: err.message };
    throw err;
  }
  const after = world.entity(account, LEVEL[kind], e.id) ?? e;
  return { ok: true, json: entityJson(world, account, kind, after) };
}
