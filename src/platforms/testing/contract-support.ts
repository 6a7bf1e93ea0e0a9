import { expect } from 'vitest';
import { addDays } from '../../shared/dates.js';
import { isPlatformError, type PlatformError } from '../errors.js';
import type { AdAccount, AdPlatform, DailyMetric, DateRange, Entity, PlatformId, TokenSet } from '../types.js';
import { add, entityLine, zero, type NewWorldAccount, type Totals, type TruthRow, type WorldAccountView, type WorldEntityView } from './world-views.js';

/** Everything an adapter's stream yields (entities, daily rows), read to the end. */
export const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

/** The PlatformError `p` fails with; succeeding, or failing with anything else, fails the test. */
export async function failure(p: Promise<unknown>): Promise<PlatformError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isPlatformError(err)) throw new Error(`expected a PlatformError, got ${err instanceof Error ? err.stack : String(err)}`);
  return err;
}

/** The account as the adapter lists it for `t`, as account selection would pick it. */
export async function listedAccount(adapter: AdPlatform, t: TokenSet, id: string): Promise<AdAccount> {
  const a = (await adapter.listAdAccounts(t)).find((x) => x.externalId === id);
  if (!a) throw new Error(`${adapter.id} does not list account ${id}`);
  return a;
}

/** The 30 full days before the account's today (today is partial everywhere). */
const last30 = (w: WorldAccountView): DateRange => ({ since: addDays(w.today, -30), until: addDays(w.today, -1) });

/** Daily rows in one order whatever order the pages came in. */
const byDateAndAd = (rows: DailyMetric[]): DailyMetric[] => [...rows].sort((a, b) => `${a.date}${a.adExternalId}`.localeCompare(`${b.date}${b.adExternalId}`));

/**
 * What a contract test needs from the sandbox's control routes (`/_sandbox/...`): its truth
 * about accounts, entities and numbers, its fault switch, and its token tricks. Nothing here
 * knows how the sandbox imitates a platform.
 */
export function sandboxControl(baseUrl: () => string, platform: PlatformId) {
  async function control<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await fetch(new URL(path, baseUrl()), {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  const accounts = () => control<WorldAccountView[]>('GET', `/_sandbox/accounts?platform=${platform}`);
  const account = (id: string) => control<WorldAccountView>('GET', `/_sandbox/accounts/${platform}/${id}`);
  // Days without delivery are asked for too, so every day of the range has a row to compare.
  const report = (id: string, r: DateRange) =>
    control<{ rows: TruthRow[]; totals: Totals }>('GET', `/_sandbox/accounts/${platform}/${id}/report?since=${r.since}&until=${r.until}&level=account&zeros=true`);
  const addAccount = (spec: NewWorldAccount) => control<WorldAccountView>('POST', '/_sandbox/accounts', { platform, ...spec });
  const mutations = () => control<unknown[]>('GET', `/_sandbox/inspect/mutations?platform=${platform}`);
  const tokens = (action: 'expire' | 'revoke', token: string | null) => control('POST', `/_sandbox/tokens/${action}`, { platform, token });

  async function entityLines(accountId: string): Promise<string[]> {
    const out: string[] = [];
    for (const level of ['campaign', 'ad_set', 'ad'] as const) {
      for (const e of await control<WorldEntityView[]>('GET', `/_sandbox/accounts/${platform}/${accountId}/entities?level=${level}`)) {
        out.push(`${e.level} ${e.id} parent=${e.adSetId ?? e.campaignId ?? '-'} ${e.status} budget=${e.dailyBudgetMinor ?? '-'}`);
      }
    }
    return out.sort();
  }

  /** Entities and the last 30 full days' rows (in one order), to compare a read under faults with a clean one. */
  async function fullRead(adapter: AdPlatform, t: TokenSet, acc: AdAccount): Promise<{ entities: Entity[]; metrics: DailyMetric[] }> {
    const range = last30(await account(acc.externalId));
    return { entities: await collect(adapter.entities(t, acc)), metrics: byDateAndAd(await collect(adapter.dailyMetrics(t, acc, range))) };
  }

  /** Reads the account's entities: parents before children, each one as the sandbox holds it. */
  async function expectEntitiesMatchWorld(adapter: AdPlatform, t: TokenSet, acc: AdAccount): Promise<Entity[]> {
    const list = await collect(adapter.entities(t, acc));
    const levels = list.map((e) => e.level);
    expect(levels.lastIndexOf('campaign')).toBeLessThan(levels.indexOf('ad_set'));
    expect(levels.lastIndexOf('ad_set')).toBeLessThan(levels.indexOf('ad'));
    expect(list.map(entityLine).sort()).toEqual(await entityLines(acc.externalId));
    return list;
  }

  /**
   * Raises the budget of the first budgeted campaign or ad set by `step` minor units and flips
   * the first campaign's status: a later read shows both and equals the sandbox's entities, and
   * the sandbox recorded both writes.
   */
  async function expectChangesShow(adapter: AdPlatform, t: TokenSet, acc: AdAccount, step: number): Promise<void> {
    const before = await collect(adapter.entities(t, acc));
    const campaign = before.find((e) => e.level === 'campaign');
    const budgeted = before.find((e) => e.level !== 'ad' && e.dailyBudgetMinor !== null);
    if (!campaign || !budgeted || budgeted.level === 'ad') throw new Error(`sandbox account ${acc.externalId} has no budgeted entity`);
    const newBudget = (budgeted.dailyBudgetMinor ?? 0) + step;
    const newStatus = campaign.status === 'PAUSED' ? 'ACTIVE' : 'PAUSED';
    await adapter.setDailyBudget(t, acc, { accountId: acc.externalId, level: budgeted.level, externalId: budgeted.externalId }, newBudget);
    await adapter.setStatus(t, acc, { accountId: acc.externalId, level: 'campaign', externalId: campaign.externalId }, newStatus);
    const after = await expectEntitiesMatchWorld(adapter, t, acc);
    expect(after.find((e) => e.externalId === budgeted.externalId)?.dailyBudgetMinor).toBe(newBudget);
    expect(after.find((e) => e.externalId === campaign.externalId)?.status).toBe(newStatus);
    const recorded = JSON.stringify(await mutations());
    expect(recorded).toContain(budgeted.externalId);
    expect(recorded).toContain(campaign.externalId);
  }

  /**
   * Reads the account's last 30 full days with the adapter and checks that its ad rows add up,
   * day by day, to the sandbox's own account-level report, with no day outside the range.
   * Returns the report's totals for the caller's platform-specific checks.
   */
  async function expectMetricsMatchTruth(adapter: AdPlatform, t: TokenSet, acc: AdAccount): Promise<Totals> {
    const range = last30(await account(acc.externalId));
    const mine = new Map<string, Totals>();
    for (const r of await collect(adapter.dailyMetrics(t, acc, range))) mine.set(r.date, add(mine.get(r.date) ?? zero(), r));
    const truth = await report(acc.externalId, range);
    expect(truth.rows).toHaveLength(30);
    expect(truth.totals.impressions).toBeGreaterThan(0);
    expect([...mine.keys()].filter((d) => d < range.since || d > range.until)).toEqual([]);
    for (const { date, impressions, clicks, spend_minor, purchases, revenue_minor, leads } of truth.rows) {
      expect({ date, ...(mine.get(date) ?? zero()) }).toEqual({ date, impressions, clicks, spend_minor, purchases, revenue_minor, leads });
    }
    return truth.totals;
  }

  /**
   * Lists the accounts `t` reaches and checks each one's `spendLast30dMinor` against the
   * sandbox's own account-level report summed over the 30 full days before the account's today.
   * Returns the listing for the caller's platform-specific checks.
   */
  async function expectSpendLast30dMatchesTruth(adapter: AdPlatform, t: TokenSet): Promise<AdAccount[]> {
    const listed = await adapter.listAdAccounts(t);
    expect(listed.length).toBeGreaterThan(0);
    const mine = listed.map((a) => ({ id: a.externalId, spend: a.spendLast30dMinor }));
    const truth: Array<{ id: string; spend: number }> = [];
    for (const a of listed) truth.push({ id: a.externalId, spend: (await report(a.externalId, last30(await account(a.externalId)))).totals.spend_minor });
    expect(mine).toEqual(truth);
    // A figure of 0 everywhere would pass for a read that never happened.
    expect(truth.some((x) => x.spend > 0)).toBe(true);
    return listed;
  }

  return {
    control,
    accounts,
    account,
    addAccount,
    entityLines,
    fullRead,
    expectEntitiesMatchWorld,
    expectMetricsMatchTruth,
    expectChangesShow,
    expectSpendLast30dMatchesTruth,
    /** Faults hit the platform's next requests: every one (`count` null) or the next `count`, each with `probability`. */
    addFault: (kind: string, o: { probability?: number; count?: number | null; delayMs?: number } = {}) =>
      control('POST', '/_sandbox/faults', { platform, kind, probability: o.probability ?? 1, count: o.count ?? null, delay_ms: o.delayMs ?? 0 }),
    clearFaults: () => control('DELETE', `/_sandbox/faults?platform=${platform}`),
    mutations,
    clearMutations: () => control('DELETE', `/_sandbox/inspect/mutations?platform=${platform}`),
    /** The access token stops working now, as when its lifetime runs out. */
    expireToken: (token: string) => tokens('expire', token),
    /** The token (and the grant it came from) is revoked, as when the person disconnects the app. */
    revokeToken: (token: string | null) => tokens('revoke', token),
    /**
     * A small new account (owned by the sandbox's `scale` person) whose last 30 days have both
     * purchases and leads, so every conversion mapping is exercised. Seeds decide the objectives;
     * the first of `firstSeed…firstSeed+19` that gives both is kept.
     */
    async addAccountWithSalesAndLeads(currency: string, timeZone: string, firstSeed: number): Promise<string> {
      for (let seed = firstSeed; seed < firstSeed + 20; seed += 1) {
        const base = { name: `Units ${currency} ${seed}`, business: `Units ${currency}`, currency, time_zone: timeZone, seed };
        const a = await addAccount({ ...base, campaigns: 3, ad_sets_per_campaign: 2, ads_per_ad_set: 2 });
        const { totals } = await report(a.id, last30(a));
        if (totals.purchases > 0 && totals.leads > 0) return a.id;
      }
      throw new Error(`no seed from ${firstSeed} gives a ${currency} account with purchases and leads`);
    },
  };
}
