import { expect, vi } from 'vitest';
import type { AdAccount, AdPlatform, DailyMetric, DateRange, Entity, PlatformId, TokenSet } from '../types.js';

/**
 * What a contract test needs from the sandbox's control routes (`/_sandbox/...`): its truth
 * about accounts, entities and numbers, and its fault switch. Nothing here knows how the
 * sandbox imitates a platform.
 */
export interface WorldAccountView {
  id: string;
  currency: string;
  time_zone: string;
  today: string;
  owners: Array<{ id: string }>;
  size: { campaigns: number; ad_sets_per_campaign: number; ads_per_ad_set: number; ads: number };
}

interface WorldEntityView {
  level: Entity['level'];
  id: string;
  campaignId?: string;
  adSetId?: string;
  status: string;
  dailyBudgetMinor?: number | null;
}

interface TruthRow {
  date: string;
  impressions: number;
  clicks: number;
  spend_minor: number;
  purchases: number;
  revenue_minor: number;
  leads: number;
}

export const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

const addDays = (d: string, n: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The 30 full days before the account's today (today is partial everywhere). */
export const last30 = (w: WorldAccountView): DateRange => ({ since: addDays(w.today, -30), until: addDays(w.today, -1) });

/** An entity as "level id parent status budget", the form both sides are compared in. */
export const entityLine = (e: Entity): string => `${e.level} ${e.externalId} parent=${e.parentExternalId ?? '-'} ${e.status} budget=${e.dailyBudgetMinor ?? '-'}`;

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

  async function account(id: string): Promise<WorldAccountView> {
    const a = (await accounts()).find((x) => x.id === id);
    if (!a) throw new Error(`no sandbox account ${id}`);
    return a;
  }

  async function entityLines(accountId: string): Promise<string[]> {
    const out: string[] = [];
    for (const level of ['campaign', 'ad_set', 'ad'] as const) {
      for (const e of await control<WorldEntityView[]>('GET', `/_sandbox/accounts/${platform}/${accountId}/entities?level=${level}`)) {
        out.push(`${e.level} ${e.id} parent=${e.adSetId ?? e.campaignId ?? '-'} ${e.status} budget=${e.dailyBudgetMinor ?? '-'}`);
      }
    }
    return out.sort();
  }

  /** Sums the adapter's ad rows per day, compares them with the sandbox's account-level report, returns the report's totals. */
  async function expectMetricsMatchTruth(adapter: AdPlatform, t: TokenSet, acc: AdAccount): Promise<Omit<TruthRow, 'date'>> {
    const range = last30(await account(acc.externalId));
    const mine = new Map<string, Omit<TruthRow, 'date'>>();
    for (const r of await collect(adapter.dailyMetrics(t, acc, range))) {
      const d = mine.get(r.date) ?? zero();
      add(d, r);
      mine.set(r.date, d);
    }
    const truth = await control<{ rows: TruthRow[]; totals: Omit<TruthRow, 'date'> }>('GET', `/_sandbox/accounts/${platform}/${acc.externalId}/report?since=${range.since}&until=${range.until}&level=account`);
    expect(truth.rows).toHaveLength(30);
    for (const r of truth.rows) {
      const { date, impressions, clicks, spend_minor, purchases, revenue_minor, leads } = r;
      expect({ date, ...(mine.get(date) ?? zero()) }).toEqual({ date, impressions, clicks, spend_minor, purchases, revenue_minor, leads });
    }
    return truth.totals;
  }

  return {
    control,
    accounts,
    account,
    entityLines,
    expectMetricsMatchTruth,
    addFault: (kind: string, probability: number, count: number | null, delayMs = 0) =>
      control('POST', '/_sandbox/faults', { platform, kind, probability, count, delay_ms: delayMs }),
    clearFaults: () => control('DELETE', `/_sandbox/faults?platform=${platform}`),
    mutations: () => control<unknown[]>('GET', `/_sandbox/inspect/mutations?platform=${platform}`),
    /**
     * A small new account (owned by the sandbox's `scale` person) whose last 30 days have both
     * purchases and leads, so every conversion mapping is exercised. Seeds decide the objectives;
     * the first of `firstSeed…firstSeed+19` that gives both is kept.
     */
    async addAccountWithSalesAndLeads(currency: string, timeZone: string, firstSeed: number): Promise<string> {
      for (let seed = firstSeed; seed < firstSeed + 20; seed += 1) {
        const a = await control<WorldAccountView>('POST', '/_sandbox/accounts', {
          platform,
          name: `Units ${currency} ${seed}`,
          business: `Units ${currency}`,
          currency,
          time_zone: timeZone,
          campaigns: 3,
          ad_sets_per_campaign: 2,
          ads_per_ad_set: 2,
          seed,
        });
        const r = last30(a);
        const { totals } = await control<{ totals: Omit<TruthRow, 'date'> }>('GET', `/_sandbox/accounts/${platform}/${a.id}/report?since=${r.since}&until=${r.until}&level=account`);
        if (totals.purchases > 0 && totals.leads > 0) return a.id;
      }
      throw new Error(`no seed from ${firstSeed} gives a ${currency} account with purchases and leads`);
    },
  };
}

const zero = (): Omit<TruthRow, 'date'> => ({ impressions: 0, clicks: 0, spend_minor: 0, purchases: 0, revenue_minor: 0, leads: 0 });
function add(d: Omit<TruthRow, 'date'>, r: DailyMetric): void {
  d.impressions += r.impressions;
  d.clicks += r.clicks;
  d.spend_minor += r.spendMinor;
  d.purchases += r.purchases;
  d.revenue_minor += r.revenueMinor;
  d.leads += r.leads;
}

/**
 * Platforms may say "wait a minute" and the adapter does. Tests keep that behaviour but not the
 * minute: timers started by the retry loop (p-retry's backoff, platformCall's Retry-After sleep)
 * fire at once, and the lengths asked for are kept for assertions.
 */
export function skipRetryWaits(): { waits: number[]; restore: () => void } {
  const real = globalThis.setTimeout;
  const waits: number[] = [];
  const fake = (fn: () => void, ms?: number): ReturnType<typeof setTimeout> => {
    const fromRetry = /p-retry|platforms[\\/]http\.ts/.test(new Error().stack ?? '');
    if (fromRetry) waits.push(ms ?? 0);
    return real(fn, fromRetry ? 0 : ms);
  };
  const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(fake as unknown as typeof setTimeout);
  return { waits, restore: () => spy.mockRestore() };
}
