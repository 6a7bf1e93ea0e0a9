import { AnomalyPlan } from './anomalies.js';
import { defaultAccounts, defaultManagers, defaultPeople } from './catalog.js';
import { dateOf, dayOf, DAY_MS, isDate, localDay } from './dates.js';
import { DaySums } from './day-sums.js';
import { adDayNumbers, zeroDay, type DeliveryClock } from './delivery.js';
import { parseFaultSpec } from './fault-spec.js';
import { createFaults } from './faults.js';
import { generateAccount } from './generate.js';
import { History } from './history.js';
import type { AccountData, AdGen } from './model.js';
import { accountIdFor, businessIdFor } from './native-ids.js';
import { generatePixels } from './pixels.js';
import { createReceived } from './received.js';
import { createTokens } from './tokens.js';
import { hashOf, Rng } from './rng.js';
import { WorldError, type AdPlatformId, type DayNumbers, type Level, type World, type WorldAccount, type WorldManager, type WorldPixel } from './types.js';
import { validateNewAccount } from './validate.js';

export interface CreateWorldOptions {
  /** The sandbox's clock; defaults to the real one. */
  now?: () => Date;
  /** A `SANDBOX_FAULTS` spec; throws on a bad one. */
  faults?: string;
  /** `empty`: the people but no accounts (tests that add their own). */
  catalog?: 'default' | 'empty';
  /** Mixed into every generated seed: another value gives another, equally deterministic, world. */
  seed?: number;
  /** Seed of the fault probability draws. */
  faultSeed?: number;
}

interface AccountState {
  account: WorldAccount;
  history: History;
  /** Bumped by every mutation, so imitations can tell a cached answer is stale. */
  revision: number;
  sums: DaySums;
  data?: AccountData;
  plan?: AnomalyPlan;
  pixels?: WorldPixel[];
}

export function createWorld(opts: CreateWorldOptions = {}): World {
  const now = opts.now ?? (() => new Date());
  const globalSeed = opts.seed ?? 0;
  const createdMs = now().getTime();
  const managers: WorldManager[] = opts.catalog === 'empty' ? [] : defaultManagers(globalSeed);
  const states = new Map<string, AccountState>();
  const order: AccountState[] = [];
  const key = (platform: AdPlatformId, id: string) => `${platform}:${id}`;
  const add = (account: WorldAccount) => {
    const state: AccountState = { account, history: new History(), revision: 0, sums: new DaySums() };
    states.set(key(account.platform, account.id), state);
    order.push(state);
  };
  if (opts.catalog !== 'empty') for (const a of defaultAccounts(globalSeed, managers)) add(a);

  // Callers hand back the objects they were given, so a WeakMap spares a string key per adDay call.
  const byObject = new WeakMap<WorldAccount, AccountState>();
  const stateOf = (account: WorldAccount): AccountState => {
    const hit = byObject.get(account);
    if (hit) return hit;
    const s = states.get(key(account.platform, account.id));
    if (s) byObject.set(account, s);
    if (!s) throw new WorldError('not_found', `No ${account.platform} account ${account.id} in the sandbox`);
    return s;
  };
  // The state itself, once generated: adDay runs by the hundred thousand, so no wrapper object per call.
  const dataOf = (account: WorldAccount): AccountState & { data: AccountData; plan: AnomalyPlan } => {
    const s = stateOf(account);
    if (!s.data) s.data = generateAccount(s.account, localDay(createdMs, s.account.timeZone).day);
    if (!s.plan) s.plan = new AnomalyPlan(s.data);
    return s as AccountState & { data: AccountData; plan: AnomalyPlan };
  };
  const mutated = (account: WorldAccount): void => {
    const s = stateOf(account);
    s.revision++;
    s.sums.clear();
  };
  const clockOf = (account: WorldAccount): DeliveryClock => {
    const ms = now().getTime();
    const w = localDay(ms, account.timeZone);
    return { today: w.day, fraction: Math.min(1, Math.max(0, (ms - w.startMs) / DAY_MS)) };
  };
  // Validating a date string costs more than the numbers it asks for; benchmarks ask for few dates many times.
  const days = new Map<string, number>();
  const dayArg = (date: string): number => {
    const cached = days.get(date);
    if (cached !== undefined) return cached;
    if (typeof date !== 'string' || !isDate(date)) throw new WorldError('invalid', `Not a YYYY-MM-DD date: ${String(date)}`);
    if (days.size > 10_000) days.clear();
    const day = dayOf(date);
    days.set(date, day);
    return day;
  };
  const adsUnder = (data: AccountData, level: Level | 'account', id: string | null): readonly AdGen[] => {
    if (level === 'account') return data.allAds;
    const found = id === null ? undefined : level === 'campaign' ? data.campaignById.get(id) : level === 'ad_set' ? data.adSetById.get(id) : data.adById.get(id);
    if (!found) throw new WorldError('not_found', `No ${level} ${String(id)} in account ${data.account.id}`);
    return 'ads' in found ? found.ads : [found];
  };
  const entityGen = (account: WorldAccount, level: Level, id: string) => {
    const { data } = dataOf(account);
    const gen = level === 'campaign' ? data.campaignById.get(id) : level === 'ad_set' ? data.adSetById.get(id) : level === 'ad' ? data.adById.get(id) : undefined;
    if (!gen) throw new WorldError('not_found', `No ${String(level)} ${id} in ${account.platform} account ${account.id}`);
    return gen;
  };

  return {
    people: defaultPeople,
    person: (id) => defaultPeople.find((p) => p.id === id),
    now,
    today: (account) => dateOf(localDay(now().getTime(), account.timeZone).day),

    accounts: (platform) => order.filter((s) => s.account.platform === platform).map((s) => s.account),
    accountsOf: (platform, personId) => order.filter((s) => s.account.platform === platform && s.account.ownerIds.includes(personId)).map((s) => s.account),
    account: (platform, id) => states.get(key(platform, id))?.account,
    addAccount(input) {
      validateNewAccount(input, (id) => defaultPeople.some((p) => p.id === id));
      const seed = input.seed ?? hashOf(globalSeed, 'added', input.platform, input.name, order.length);
      const id = input.id ?? accountIdFor(input.platform, new Rng(hashOf(seed, 'ids')));
      if (states.has(key(input.platform, id))) throw new WorldError('invalid', `A ${input.platform} account ${id} already exists`);
      // A year of history by default, so benchmarks have something to sync.
      const startDate = input.startDate ?? dateOf(localDay(createdMs, input.timeZone).day - 365);
      const businessId = input.businessId ?? businessIdFor(input.platform, new Rng(hashOf(seed, 'business')));
      const account: WorldAccount = {
        platform: input.platform, id, name: input.name, currency: input.currency, timeZone: input.timeZone, business: input.business,
        ...(businessId ? { businessId } : {}),
        ownerIds: input.ownerIds ?? ['scale'], managerId: input.managerId ?? null, status: 'ACTIVE', size: { ...input.size }, seed, startDate,
      };
      add(account);
      return account;
    },

    campaigns: (account) => dataOf(account).data.campaigns,
    adSets: (account) => dataOf(account).data.adSets,
    ads: (account) => dataOf(account).data.ads,
    entity(account, level, id) {
      const { data } = dataOf(account);
      return (level === 'campaign' ? data.campaignById.get(id) : level === 'ad_set' ? data.adSetById.get(id) : data.adById.get(id))?.e;
    },

    adDay(account, adId, date) {
      const { data, plan, history } = dataOf(account);
      const ad = data.adById.get(adId);
      if (!ad) throw new WorldError('not_found', `No ad ${adId} in ${account.platform} account ${account.id}`);
      return adDayNumbers(data, history, plan, clockOf(account), ad, dayArg(date));
    },
    sumDay(account, level, entityId, date) {
      const { data, plan, history, sums } = dataOf(account);
      const day = dayArg(date);
      const clock = clockOf(account);
      const ads = adsUnder(data, level, entityId);
      // Past days are summed once: a campaign or account total is otherwise thousands of adDay calls per ask.
      const memo = ads.length > 1 && day < clock.today ? sums.at(clock.today) : null;
      const memoKey = memo ? `${level}:${entityId ?? ''}:${day}` : '';
      const hit = memo?.get(memoKey);
      if (hit) return { ...hit };
      const total: DayNumbers = zeroDay();
      for (const ad of ads) {
        const n = adDayNumbers(data, history, plan, clock, ad, day);
        total.impressions += n.impressions;
        total.clicks += n.clicks;
        total.spendMinor += n.spendMinor;
        total.purchases += n.purchases;
        total.revenueMinor += n.revenueMinor;
        total.leads += n.leads;
      }
      memo?.set(memoKey, { ...total });
      return total;
    },
    revision: (account) => stateOf(account).revision,

    pixels(account) {
      const s = stateOf(account);
      return (s.pixels ??= generatePixels(s.account));
    },
    managers: (platform) => managers.filter((m) => m.platform === platform),
    anomalies(account, since, until) {
      const { plan, data } = dataOf(account);
      const from = since === undefined ? data.startDay : dayArg(since);
      const to = Math.min(until === undefined ? Number.POSITIVE_INFINITY : dayArg(until), clockOf(account).today);
      return plan.list(from, to);
    },

    setStatus(account, level, id, status) {
      if (status !== 'ACTIVE' && status !== 'PAUSED') throw new WorldError('invalid', `Status must be ACTIVE or PAUSED, got ${String(status)}`);
      const gen = entityGen(account, level, id);
      stateOf(account).history.setStatus(id, clockOf(account).today, status);
      mutated(account);
      gen.e.status = status;
      gen.e.updatedAt = now().toISOString();
      return gen.e;
    },
    setDailyBudget(account, level, id, minor) {
      if (level !== 'campaign' && level !== 'ad_set') throw new WorldError('invalid', `Budgets live on campaigns or ad sets, not ${String(level)}`);
      if (!Number.isSafeInteger(minor) || minor <= 0) throw new WorldError('invalid', `A daily budget must be a positive integer of minor units, got ${String(minor)}`);
      const gen = entityGen(account, level, id);
      if (gen.e.level === 'ad') throw new WorldError('invalid', 'Ads have no budget');
      if (gen.e.dailyBudgetMinor === null) {
        throw new WorldError('invalid', level === 'campaign' ? `Campaign ${id} has no campaign budget: its ad sets hold the budgets` : `Ad set ${id} has no budget: its campaign holds the budget (campaign budget optimization)`);
      }
      stateOf(account).history.setBudget(id, clockOf(account).today, minor);
      mutated(account);
      gen.e.dailyBudgetMinor = minor;
      gen.e.updatedAt = now().toISOString();
      return gen.e;
    },

    tokens: createTokens(now),
    faults: createFaults(opts.faults ? parseFaultSpec(opts.faults) : [], opts.faultSeed ?? hashOf(globalSeed, 'faults')),
    received: createReceived(now),
  };
}
