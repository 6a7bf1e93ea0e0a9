import type { World, WorldAccount, WorldAd, WorldAdSet, WorldCampaign } from '../../world/types.js';
import { budgetIdOf, campaignIdOfBudget, setCampaignBudget } from './budgets.js';
import { adsError, at, badPayload, type AdsError } from './errors.js';
import { googleStatus } from './row.js';
import { microsPerMinor, microsToMinor } from './units.js';

/**
 * What each mutate service can change in the sandbox: status (ENABLED / PAUSED) of campaigns,
 * ad groups and ads, and the amount of campaign budgets. An operation is checked first
 * (`prepare`) and applied later, so a request that is not partial-failure can be refused whole.
 */
export type ServiceName = 'campaignBudget' | 'campaign' | 'adGroup' | 'adGroupAd';

export interface Prepared {
  resourceName: string;
  apply(): void;
  /** Puts back what `apply` changed (atomic requests that fail half-way). */
  undo(): void;
  /** The mutated resource, for `responseContentType: MUTABLE_RESOURCE`. */
  resource(): Record<string, unknown>;
}

export interface OpContext {
  world: World;
  account: WorldAccount;
  version: string;
  /** Location of the operation in the request, e.g. `['operations', 0]`. */
  loc: Array<string | number>;
}

const ENUM_TYPE: Record<ServiceName, string> = {
  campaignBudget: '',
  campaign: 'CampaignStatusEnum.CampaignStatus',
  adGroup: 'AdGroupStatusEnum.AdGroupStatus',
  adGroupAd: 'AdGroupAdStatusEnum.AdGroupAdStatus',
};

const PATTERN: Record<ServiceName, RegExp> = {
  campaignBudget: /^customers\/(\d+)\/campaignBudgets\/(\d+)$/,
  campaign: /^customers\/(\d+)\/campaigns\/(\d+)$/,
  adGroup: /^customers\/(\d+)\/adGroups\/(\d+)$/,
  adGroupAd: /^customers\/(\d+)\/adGroupAds\/(\d+)~(\d+)$/,
};

/** Mask paths each service accepts (snake_case; camelCase is accepted and normalised). */
export const MUTABLE: Record<ServiceName, readonly string[]> = {
  campaignBudget: ['amount_micros'],
  campaign: ['status'],
  adGroup: ['status'],
  adGroupAd: ['status'],
};

const notFound = (loc: OpContext['loc']) => adsError('mutateError', 'RESOURCE_NOT_FOUND', 'The requested resource was not found.', at(...loc, 'update', 'resource_name'));
const pathText = (loc: OpContext['loc'], field: string) => `${loc.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').slice(1)}.update.${field}`;

type Target = { level: 'campaign'; e: WorldCampaign } | { level: 'ad_set'; e: WorldAdSet } | { level: 'ad'; e: WorldAd };

function target(service: ServiceName, ctx: OpContext, resourceName: unknown): Target | AdsError {
  const m = typeof resourceName === 'string' ? PATTERN[service].exec(resourceName) : null;
  if (!m) return adsError('requestError', 'RESOURCE_NAME_MALFORMED', 'The resource name is malformed.', at(...ctx.loc, 'update', 'resource_name'));
  if (m[1] !== ctx.account.id) return notFound(ctx.loc);
  const { world, account } = ctx;
  if (service === 'campaignBudget' || service === 'campaign') {
    const id = service === 'campaign' ? m[2]! : campaignIdOfBudget(m[2]!);
    const e = id ? (world.entity(account, 'campaign', id) as WorldCampaign | undefined) : undefined;
    return e ? { level: 'campaign', e } : notFound(ctx.loc);
  }
  if (service === 'adGroup') {
    const e = world.entity(account, 'ad_set', m[2]!) as WorldAdSet | undefined;
    return e ? { level: 'ad_set', e } : notFound(ctx.loc);
  }
  const e = world.entity(account, 'ad', m[3]!) as WorldAd | undefined;
  return e && e.adSetId === m[2] ? { level: 'ad', e } : notFound(ctx.loc);
}

function describe(service: ServiceName, ctx: OpContext, t: Target, name: string): Record<string, unknown> {
  const fresh = ctx.world.entity(ctx.account, t.level, t.e.id) ?? t.e;
  if (service === 'campaignBudget') {
    const c = fresh as WorldCampaign;
    const minor = c.dailyBudgetMinor ?? ctx.world.adSets(ctx.account).filter((s) => s.campaignId === c.id).reduce((n, s) => n + (s.dailyBudgetMinor ?? 0), 0);
    return { resourceName: name, id: budgetIdOf(c.id), amountMicros: (BigInt(minor) * microsPerMinor(ctx.account.currency)).toString() };
  }
  const base = { resourceName: name, status: googleStatus(fresh.status) };
  if (fresh.level === 'ad') return { ...base, adGroup: `customers/${ctx.account.id}/adGroups/${fresh.adSetId}`, ad: { resourceName: `customers/${ctx.account.id}/ads/${fresh.id}`, id: fresh.id, name: fresh.name } };
  if (fresh.level === 'ad_set') return { ...base, id: fresh.id, name: fresh.name, campaign: `customers/${ctx.account.id}/campaigns/${fresh.campaignId}` };
  return { ...base, id: fresh.id, name: fresh.name, campaignBudget: `customers/${ctx.account.id}/campaignBudgets/${budgetIdOf(fresh.id)}` };
}

const STATUSES = ['ENABLED', 'PAUSED', 'REMOVED', 'UNKNOWN', 'UNSPECIFIED'];

/** The JSON layer's checks of an update, made for every operation before any is looked at: a misfit refuses the whole request. */
export function checkPayload(service: ServiceName, update: Record<string, unknown>, loc: OpContext['loc'], version: string): void {
  const raw = update.amountMicros;
  if (service === 'campaignBudget' && raw !== undefined && ((typeof raw !== 'string' && typeof raw !== 'number') || !/^-?\d{1,19}$/.test(String(raw)))) {
    throw badPayload(`Invalid value at '${pathText(loc, 'amount_micros')}' (TYPE_INT64), ${JSON.stringify(raw)}`);
  }
  const status = update.status;
  if (service !== 'campaignBudget' && status !== undefined && (typeof status !== 'string' || !STATUSES.includes(status))) {
    throw badPayload(`Invalid value at '${pathText(loc, 'status')}' (type.googleapis.com/google.ads.googleads.${version}.enums.${ENUM_TYPE[service]}), ${JSON.stringify(status)}`);
  }
}

/** Checks one update operation (after `checkPayload`): a list of errors, or the change ready to apply. */
export function prepareUpdate(service: ServiceName, ctx: OpContext, update: Record<string, unknown>, mask: string[]): Prepared | AdsError[] {
  const t = target(service, ctx, update.resourceName);
  if (!('level' in t)) return [t];
  const name = String(update.resourceName);
  const { world, account } = ctx;
  const noop: Prepared = { resourceName: name, apply: () => undefined, undo: () => undefined, resource: () => describe(service, ctx, t, name) };
  if (service === 'campaignBudget') {
    if (!mask.includes('amount_micros')) return noop;
    const raw = update.amountMicros;
    if (raw === undefined) return [adsError('fieldError', 'REQUIRED', 'The required field was not present.', at(...ctx.loc, 'update', 'amount_micros'))];
    const micros = BigInt(String(raw));
    const loc = at(...ctx.loc, 'update', 'amount_micros');
    if (micros <= 0n) return [adsError('campaignBudgetError', 'MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC', 'A budget amount must be at least the minimum cost per click of the account currency.', loc)];
    if (micros > 1_000_000_000_000_000n) return [adsError('campaignBudgetError', 'MONEY_AMOUNT_TOO_LARGE', 'The budget amount is too large.', loc)];
    const minor = microsToMinor(micros, account.currency);
    if (minor === null) return [adsError('campaignBudgetError', 'NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT', `The budget amount must be a multiple of the currency's minimum unit (${microsPerMinor(account.currency)} micros in ${account.currency}).`, loc)];
    const campaign = t.e as WorldCampaign;
    const before = new Map(world.adSets(account).filter((s) => s.campaignId === campaign.id).map((s) => [s.id, s.dailyBudgetMinor]));
    const old = campaign.dailyBudgetMinor;
    return {
      resourceName: name,
      apply: () => setCampaignBudget(world, account, world.entity(account, 'campaign', campaign.id) as WorldCampaign, minor),
      undo: () => {
        if (old !== null) world.setDailyBudget(account, 'campaign', campaign.id, old);
        else for (const [id, v] of before) if (v !== null) world.setDailyBudget(account, 'ad_set', id, v);
      },
      resource: () => describe(service, ctx, t, name),
    };
  }
  if (!mask.includes('status')) return noop;
  const status = update.status as string | undefined;
  const loc = at(...ctx.loc, 'update', 'status');
  if (status === undefined) return [adsError('fieldError', 'REQUIRED', 'The required field was not present.', loc)];
  if (status !== 'ENABLED' && status !== 'PAUSED') return [adsError('fieldError', 'INVALID_VALUE', `Status ${status} cannot be set with an update operation here; use ENABLED or PAUSED.`, loc)];
  const old = t.e.status;
  return {
    resourceName: name,
    apply: () => world.setStatus(account, t.level, t.e.id, status === 'ENABLED' ? 'ACTIVE' : 'PAUSED'),
    undo: () => world.setStatus(account, t.level, t.e.id, old),
    resource: () => describe(service, ctx, t, name),
  };
}
