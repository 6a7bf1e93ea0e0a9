import type { DayNumbers, World, WorldAccount, WorldAdSet, WorldCampaign } from '../../world/types.js';
import { budgetTable } from './budgets.js';
import { conversionActions, reportingActions, type ConversionAction } from './conversion-actions.js';
import { customerView, type Customer } from './customers.js';
import { matches } from './filter.js';
import type { Plan } from './plan.js';
import type { Metrics, RowCtx } from './row.js';
import { dayDate, dayNumber } from './units.js';

/**
 * The rows of a checked query, walked lazily in a fixed order: entities (filtered on their own
 * attributes first), then — for reports — days × entities × conversion actions. Each row has
 * a position in that walk, so a page token can resume at a position without recomputing the
 * rows before it, and rows with no delivery are skipped as Google omits them.
 */
export interface Walked {
  pos: number;
  row: RowCtx;
}

/**
 * The entity rows of a query, kept per account, resource and entity conditions until a mutation
 * (the world's revision) changes them: a page of a 10,000-ad walk then costs its own rows, not
 * a rebuild of the account's.
 */
const MAX_KEPT = 16;
const kept = new WeakMap<World, Map<string, { revision: number; rows: RowCtx[] }>>();

function entities(world: World, customer: Customer, plan: Plan): RowCtx[] {
  if (customer.kind !== 'client' || plan.from === 'customer' || plan.from === 'customer_client' || plan.from === 'conversion_action') return freshEntities(world, customer, plan);
  const a = customer.account;
  const key = JSON.stringify([a.id, a.name, a.status, plan.from, plan.entityChecks.map((c) => c.cond)]);
  const revision = world.revision(a);
  let byKey = kept.get(world);
  if (!byKey) kept.set(world, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && hit.revision === revision) return hit.rows;
  const rows = freshEntities(world, customer, plan);
  byKey.delete(key);
  byKey.set(key, { revision, rows });
  if (byKey.size > MAX_KEPT) byKey.delete(byKey.keys().next().value!);
  return rows;
}

function freshEntities(world: World, customer: Customer, plan: Plan): RowCtx[] {
  const base: RowCtx = { cid: customer.id, customer: customerView(customer) };
  let rows: RowCtx[];
  if (plan.from === 'customer') rows = [base];
  else if (plan.from === 'customer_client') {
    const self = { ...base, client: { view: base.customer, level: 0 } };
    rows = customer.kind === 'manager' ? [self, ...customer.clients.map((a) => ({ ...base, client: { view: customerView({ kind: 'client', id: a.id, account: a }), level: 1 } }))] : [self];
  } else if (customer.kind === 'manager') rows = [];
  else if (plan.from === 'conversion_action') rows = conversionActions(customer.id).map((action) => ({ ...base, action }));
  else rows = accountEntities(world, customer.account, plan.from, base);
  return plan.entityChecks.length === 0 ? rows : rows.filter((r) => plan.entityChecks.every((c) => matches(c, r)));
}

function accountEntities(world: World, account: WorldAccount, from: string, base: RowCtx): RowCtx[] {
  const campaigns = new Map<string, WorldCampaign>(world.campaigns(account).map((c) => [c.id, c]));
  if (from === 'campaign' || from === 'campaign_budget') {
    const budgets = budgetTable(world, account);
    return [...campaigns.values()].map((campaign) => ({ ...base, campaign, budgetMinor: budgets.get(campaign.id) ?? 0 }));
  }
  if (from === 'ad_group') return world.adSets(account).map((adSet) => ({ ...base, adSet, campaign: campaigns.get(adSet.campaignId) }));
  const adSets = new Map<string, WorldAdSet>(world.adSets(account).map((s) => [s.id, s]));
  return world.ads(account).map((ad) => ({ ...base, ad, adSet: adSets.get(ad.adSetId), campaign: campaigns.get(ad.campaignId) }));
}

function numbersOn(world: World, account: WorldAccount, from: string, row: RowCtx, date: string): DayNumbers {
  switch (from) {
    case 'ad_group_ad':
      return world.adDay(account, row.ad!.id, date);
    case 'ad_group':
      return world.sumDay(account, 'ad_set', row.adSet!.id, date);
    case 'campaign':
      return world.sumDay(account, 'campaign', row.campaign!.id, date);
    default:
      return world.sumDay(account, 'account', null, date);
  }
}

const ZERO: DayNumbers = { impressions: 0, clicks: 0, spendMinor: 0, purchases: 0, revenueMinor: 0, leads: 0 };

function add(a: DayNumbers, b: DayNumbers): DayNumbers {
  return {
    impressions: a.impressions + b.impressions,
    clicks: a.clicks + b.clicks,
    spendMinor: a.spendMinor + b.spendMinor,
    purchases: a.purchases + b.purchases,
    revenueMinor: a.revenueMinor + b.revenueMinor,
    leads: a.leads + b.leads,
  };
}

function metricsFor(n: DayNumbers, action: ConversionAction | undefined): Metrics {
  if (!action) return { impressions: n.impressions, clicks: n.clicks, spendMinor: n.spendMinor, conversions: n.purchases + n.leads, valueMinor: n.revenueMinor };
  const purchases = action.measures === 'purchases';
  return { impressions: 0, clicks: 0, spendMinor: 0, conversions: purchases ? n.purchases : n.leads, valueMinor: purchases ? n.revenueMinor : 0 };
}

/** Google drops a row when every metric it selects is zero; with none selected, any number counts. */
function deliveredTest(plan: Plan): (m: Metrics) => boolean {
  if (plan.metrics.length === 0) return (m) => m.impressions + m.clicks + m.spendMinor + m.conversions + m.valueMinor > 0;
  const keys = new Set<keyof Metrics>(
    plan.metrics.map((name) => {
      if (name.endsWith('impressions')) return 'impressions';
      if (name.endsWith('clicks') || name.endsWith('ctr')) return 'clicks';
      if (name.endsWith('_value')) return 'valueMinor';
      if (name.includes('conversions')) return 'conversions';
      return 'spendMinor';
    }),
  );
  const list = [...keys];
  return (m) => {
    for (const k of list) if (m[k] > 0) return true;
    return false;
  };
}

const isZero = (n: DayNumbers): boolean => n.impressions === 0 && n.clicks === 0 && n.spendMinor === 0 && n.purchases === 0 && n.revenueMinor === 0 && n.leads === 0;

export function* walk(world: World, customer: Customer, plan: Plan, start = 0): Generator<Walked> {
  const base = entities(world, customer, plan);
  if (!plan.stats || customer.kind !== 'client' || !plan.days) {
    for (let e = Math.max(0, start); e < base.length; e++) yield { pos: e, row: base[e]! };
    return;
  }
  const account = customer.account;
  const lo = Math.max(plan.days.lo, dayNumber(account.startDate));
  const hi = Math.min(plan.days.hi, dayNumber(world.today(account)));
  const dates = Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => dayDate(lo + i));
  const actions: Array<ConversionAction | undefined> = plan.byConversion ? [...reportingActions(customer.id)] : [undefined];
  const C = actions.length;
  const E = base.length;
  const delivered = deliveredTest(plan);
  const checks = plan.rowChecks;
  const row = (r: RowCtx, m: Metrics, date: string | undefined, action: ConversionAction | undefined): RowCtx | null => {
    if (!delivered(m)) return null;
    const out: RowCtx = { cid: r.cid, customer: r.customer, campaign: r.campaign, adSet: r.adSet, ad: r.ad, budgetMinor: r.budgetMinor, client: r.client, action: action ?? r.action, date, m };
    for (const k of checks) if (!matches(k, out)) return null;
    return out;
  };
  const cells = plan.byDate ? dates.length * E : E;
  for (let pos = Math.max(0, start); pos < cells * C; ) {
    const cell = Math.floor(pos / C);
    const e = cell % E;
    const date = plan.byDate ? dates[Math.floor(cell / E)] : undefined;
    let n: DayNumbers;
    if (date !== undefined) n = numbersOn(world, account, plan.from, base[e]!, date);
    else {
      n = ZERO;
      for (const d of dates) n = add(n, numbersOn(world, account, plan.from, base[e]!, d));
    }
    const end = (cell + 1) * C;
    // A cell without delivery has only rows Google drops, whatever the actions.
    if (isZero(n)) {
      pos = end;
      continue;
    }
    for (; pos < end; pos++) {
      const action = actions[pos % C];
      const out = row(base[e]!, metricsFor(n, action), date, action);
      if (out) yield { pos, row: out };
    }
  }
}
