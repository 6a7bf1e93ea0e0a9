import type { Level, Objective, World, WorldAccount, WorldAd, WorldAdSet, WorldCampaign, WorldEntity } from '../../world/types.js';
import { project, type FieldSpec, type Renderer } from './fields.js';
import { metaTime, toMetaBudget } from './units.js';

/** Campaigns, ad sets and ads in Graph's field names: budgets as minor-unit strings, times with offsets. */

export type EntityKind = 'campaign' | 'adset' | 'ad';
export const WORLD_LEVEL: Record<EntityKind, Level> = { campaign: 'campaign', adset: 'ad_set', ad: 'ad' };
export const NODE_TYPE: Record<EntityKind, string> = { campaign: 'Campaign', adset: 'AdSet', ad: 'Ad' };

interface Ctx<E extends WorldEntity> {
  world: World;
  account: WorldAccount;
  entity: E;
}

const OBJECTIVE: Record<Objective, string> = { SALES: 'OUTCOME_SALES', LEADS: 'OUTCOME_LEADS', TRAFFIC: 'OUTCOME_TRAFFIC', AWARENESS: 'OUTCOME_AWARENESS' };
const OPTIMIZATION_GOAL: Record<Objective, string> = { SALES: 'OFFSITE_CONVERSIONS', LEADS: 'LEAD_GENERATION', TRAFFIC: 'LINK_CLICKS', AWARENESS: 'REACH' };

function campaignOf(world: World, account: WorldAccount, id: string): WorldCampaign | undefined {
  const c = world.entity(account, 'campaign', id);
  return c?.level === 'campaign' ? c : undefined;
}
function adSetOf(world: World, account: WorldAccount, id: string): WorldAdSet | undefined {
  const s = world.entity(account, 'ad_set', id);
  return s?.level === 'ad_set' ? s : undefined;
}

/** Graph's read-only status: the entity's own pause first, then the parent that stops it. */
export function effectiveStatus(world: World, account: WorldAccount, e: WorldEntity): string {
  if (e.status === 'PAUSED') return 'PAUSED';
  if (e.level === 'campaign') return 'ACTIVE';
  if (campaignOf(world, account, e.campaignId)?.status === 'PAUSED') return 'CAMPAIGN_PAUSED';
  if (e.level === 'ad' && adSetOf(world, account, e.adSetId)?.status === 'PAUSED') return 'ADSET_PAUSED';
  return 'ACTIVE';
}

function budgetRemaining(world: World, account: WorldAccount, e: WorldCampaign | WorldAdSet): string | undefined {
  if (e.dailyBudgetMinor === null) return undefined;
  const spent = world.sumDay(account, e.level, e.id, world.today(account)).spendMinor;
  return toMetaBudget(Math.max(0, e.dailyBudgetMinor - spent), account.currency);
}

const common = <E extends WorldEntity>(): Record<string, Renderer<Ctx<E>>> => ({
  id: ({ entity }) => entity.id,
  name: ({ entity }) => entity.name,
  account_id: ({ account }) => account.id,
  status: ({ entity }) => entity.status,
  configured_status: ({ entity }) => entity.status,
  effective_status: ({ world, account, entity }) => effectiveStatus(world, account, entity),
  created_time: ({ account, entity }) => metaTime(entity.createdAt, account.timeZone),
  updated_time: ({ account, entity }) => metaTime(entity.updatedAt, account.timeZone),
});

const budgets = <E extends WorldCampaign | WorldAdSet>(): Record<string, Renderer<Ctx<E>>> => ({
  daily_budget: ({ account, entity }) => (entity.dailyBudgetMinor === null ? undefined : toMetaBudget(entity.dailyBudgetMinor, account.currency)),
  lifetime_budget: ({ entity }) => (entity.dailyBudgetMinor === null ? undefined : '0'),
  budget_remaining: ({ world, account, entity }) => budgetRemaining(world, account, entity),
  bid_strategy: ({ entity }) => (entity.dailyBudgetMinor === null ? undefined : 'LOWEST_COST_WITHOUT_CAP'),
});

const parentRef = (world: World, account: WorldAccount, kind: 'campaign' | 'adset', id: string, sub: FieldSpec[] | null): unknown => {
  const e = kind === 'campaign' ? campaignOf(world, account, id) : adSetOf(world, account, id);
  if (!e) return { id };
  return renderEntity(kind, world, account, e, sub ?? [{ name: 'id', sub: null }]);
};

const campaignRenderers: Record<string, Renderer<Ctx<WorldCampaign>>> = {
  ...common<WorldCampaign>(),
  ...budgets<WorldCampaign>(),
  objective: ({ entity }) => OBJECTIVE[entity.objective],
  buying_type: () => 'AUCTION',
  special_ad_categories: () => [],
  start_time: ({ account, entity }) => metaTime(entity.createdAt, account.timeZone),
};

const adSetRenderers: Record<string, Renderer<Ctx<WorldAdSet>>> = {
  ...common<WorldAdSet>(),
  ...budgets<WorldAdSet>(),
  campaign_id: ({ entity }) => entity.campaignId,
  campaign: ({ world, account, entity }, sub) => parentRef(world, account, 'campaign', entity.campaignId, sub),
  optimization_goal: ({ world, account, entity }) => {
    const c = campaignOf(world, account, entity.campaignId);
    return c ? OPTIMIZATION_GOAL[c.objective] : undefined;
  },
  billing_event: () => 'IMPRESSIONS',
  start_time: ({ account, entity }) => metaTime(entity.createdAt, account.timeZone),
};

const adRenderers: Record<string, Renderer<Ctx<WorldAd>>> = {
  ...common<WorldAd>(),
  campaign_id: ({ entity }) => entity.campaignId,
  adset_id: ({ entity }) => entity.adSetId,
  campaign: ({ world, account, entity }, sub) => parentRef(world, account, 'campaign', entity.campaignId, sub),
  adset: ({ world, account, entity }, sub) => parentRef(world, account, 'adset', entity.adSetId, sub),
};

/** Real Graph fields the sandbox does not model: left out of answers instead of refused. */
export const QUIET = new Set([
  'targeting', 'promoted_object', 'bid_amount', 'stop_time', 'end_time', 'pacing_type', 'spend_cap', 'issues_info', 'recommendations',
  'source_campaign_id', 'source_adset_id', 'tracking_specs', 'conversion_specs', 'adlabels', 'attribution_spec', 'destination_type',
  'is_dynamic_creative', 'learning_stage_info', 'creative', 'preview_shareable_link', 'ad_review_feedback', 'bid_info', 'smart_promotion_type',
]);

const RENDERERS = { campaign: campaignRenderers, adset: adSetRenderers, ad: adRenderers } as const;

export const knownFields = (kind: EntityKind): ReadonlySet<string> => new Set(Object.keys(RENDERERS[kind]));

export function renderEntity(kind: EntityKind, world: World, account: WorldAccount, entity: WorldEntity, fields: FieldSpec[] | null): Record<string, unknown> {
  const sel = fields ?? [{ name: 'id', sub: null }];
  const renderers = RENDERERS[kind] as Record<string, Renderer<Ctx<WorldEntity>>>;
  return project({ world, account, entity }, sel, renderers, NODE_TYPE[kind], QUIET);
}
