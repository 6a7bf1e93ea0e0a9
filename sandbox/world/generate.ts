import { dateOf, dayOf } from './dates.js';
import type { AccountData, AdGen, AdSetGen, CampaignGen } from './model.js';
import { sarPriceMinor, sarToMinor } from './money.js';
import { entityIdFor } from './native-ids.js';
import { hashOf, Rng } from './rng.js';
import type { AdPlatformId, Objective, Status, WorldAccount } from './types.js';
import { AUDIENCES, FORMATS, HOOKS, OBJECTIVES, STAGES, verticalFor, verticals, type Vertical } from './verticals.js';

const STAGE_BY_PLATFORM: Record<AdPlatformId, readonly string[]> = {
  meta: STAGES,
  google: ['Search', 'Performance Max', 'Shopping', 'Display', 'YouTube', 'Demand Gen', 'Brand Search'],
  tiktok: ['Prospecting', 'Retargeting', 'Spark Ads', 'Smart+', 'Video Views', 'Lead Gen'],
  snapchat: ['Prospecting', 'Retargeting', 'Story Ads', 'Collection', 'Lookalike', 'Always On'],
};
const MATCH_TYPES = ['Exact', 'Phrase', 'Broad', 'Brand', 'Competitors'];
const CPM_SAR: Record<AdPlatformId, [number, number]> = { meta: [18, 45], google: [25, 70], tiktok: [10, 30], snapchat: [8, 25] };
const CTR: Record<AdPlatformId, [number, number]> = { meta: [0.007, 0.022], google: [0.018, 0.03], tiktok: [0.005, 0.015], snapchat: [0.005, 0.012] };
/** Campaigns are created over the first ~10 months of an account's life. */
const CREATION_SPAN_DAYS = 300;
const GULF_WEEK = [1.0, 0.97, 0.95, 1.0, 1.12, 1.06, 1.05];
const WESTERN_WEEK = [1.06, 0.98, 0.96, 0.97, 1.0, 1.02, 1.08];

function uniqueName(used: Map<string, number>, name: string): string {
  const n = (used.get(name) ?? 0) + 1;
  used.set(name, n);
  return n === 1 ? name : `${name} ${n}`;
}

function pickObjective(rng: Rng, v: Vertical): Objective {
  let r = rng.float() * v.objectives.reduce((a, b) => a + b, 0);
  for (let i = 0; i < OBJECTIVES.length; i++) {
    r -= v.objectives[i] ?? 0;
    if (r < 0) return OBJECTIVES[i] ?? 'SALES';
  }
  return 'SALES';
}

function timestamp(rng: Rng, day: number): string {
  // 08:00–12:59 UTC falls on the same local date for every zone from UTC-8 to UTC+11.
  return `${dateOf(day)}T${String(rng.int(8, 12)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}.000Z`;
}

/** Like `timestamp`, but never before the parent's (children made the same day come after it). */
function childTimestamp(rng: Rng, day: number, parentAt: string): string {
  const t = timestamp(rng, day);
  return t >= parentAt ? t : new Date(Date.parse(parentAt) + rng.int(60, 3600) * 1000).toISOString();
}

/** A pause day after `from` and before the world's creation day; -Infinity (never delivered) when there is no room. */
function pauseDay(rng: Rng, from: number, creationDay: number, maxAfter: number): number {
  const last = creationDay - 1;
  if (last <= from + 1) return Number.NEGATIVE_INFINITY;
  return Math.min(from + rng.int(7, maxAfter), last);
}

function statusOf(rng: Rng, activeShare: number, neverRanShare: number, from: number, creationDay: number, maxAfter: number): { status: Status; pausedFrom: number } {
  if (rng.chance(activeShare)) return { status: 'ACTIVE', pausedFrom: Number.POSITIVE_INFINITY };
  if (rng.chance(neverRanShare)) return { status: 'PAUSED', pausedFrom: Number.NEGATIVE_INFINITY };
  return { status: 'PAUSED', pausedFrom: pauseDay(rng, from, creationDay, maxAfter) };
}

function weights(rng: Rng, n: number): number[] {
  const w = Array.from({ length: n }, () => rng.range(0.4, 1.6) ** 2);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

/**
 * Builds an account's campaigns, ad sets and ads from its seed alone (plus the world's creation
 * day, which only bounds dates for accounts younger than the creation span). One generator walks
 * the tree in order, so the same seed and size always give the same ids, names and constants.
 */
export function generateAccount(account: WorldAccount, creationDay: number): AccountData {
  const rng = new Rng(hashOf(account.seed, 'entities'));
  const platform = account.platform;
  const vertical: Vertical = verticals[verticalFor(account.name === 'Personal Account' ? account.business : `${account.name} ${account.business}`)];
  const startDay = dayOf(account.startDate);
  const span = Math.max(0, Math.min(CREATION_SPAN_DAYS, creationDay - startDay - 3));
  const ids = new Set<string>();
  const newId = (level: 'campaign' | 'ad_set' | 'ad'): string => {
    let id = entityIdFor(platform, level, rng);
    while (ids.has(id)) id = entityIdFor(platform, level, rng);
    ids.add(id);
    return id;
  };
  const names = new Map<string, number>();
  const data: AccountData = {
    account, startDay, campaigns: [], adSets: [], ads: [], campaignGens: [],
    campaignById: new Map(), adSetById: new Map(), adById: new Map(), allAds: [],
    weekdayConv: /^Asia\/(Riyadh|Dubai|Kuwait|Qatar|Bahrain|Muscat)$/.test(account.timeZone) ? GULF_WEEK : WESTERN_WEEK,
  };
  const { campaigns: nCampaigns, adSetsPerCampaign, adsPerAdSet } = account.size;
  const cpmRange = CPM_SAR[platform];
  const ctrRange = CTR[platform];

  for (let c = 0; c < nCampaigns; c++) {
    const objective = pickObjective(rng, vertical);
    const createdDay = startDay + Math.floor(rng.float() * (span + 1));
    const { status, pausedFrom } = statusOf(rng, 0.7, 0.2, createdDay, creationDay, 400);
    const cbo = platform === 'google' || rng.chance(0.5);
    const baseBudget = cbo ? sarToMinor(rng.logRange(100, 5000), account.currency) : null;
    const createdAt = timestamp(rng, createdDay);
    const name = uniqueName(names, `${rng.pick(vertical.themes)} – ${objective === 'LEADS' && platform !== 'google' ? 'Lead Gen' : rng.pick(STAGE_BY_PLATFORM[platform])}`);
    const cg: CampaignGen = {
      e: { level: 'campaign', id: newId('campaign'), accountId: account.id, name, objective, status, dailyBudgetMinor: baseBudget, createdAt, updatedAt: createdAt },
      index: c, createdDay, pausedFrom, baseBudget, trend: rng.range(-0.2, 0.3), ads: [],
    };
    if (Number.isFinite(pausedFrom)) cg.e.updatedAt = timestamp(rng, pausedFrom);
    data.campaigns.push(cg.e);
    data.campaignGens.push(cg);
    data.campaignById.set(cg.e.id, cg);

    const setShares = weights(rng, adSetsPerCampaign);
    const cpmBase = rng.range(cpmRange[0], cpmRange[1]) * (objective === 'AWARENESS' ? 0.6 : 1);
    const ctrBase = rng.range(ctrRange[0], ctrRange[1]) * (objective === 'AWARENESS' ? 0.5 : objective === 'TRAFFIC' ? 1.3 : 1);
    const aovSar = rng.range(vertical.aovSar[0], vertical.aovSar[1]);
    // Conversion rates follow from a plausible ROAS (or cost per lead) rather than being drawn
    // directly: a 1–5% rate on a 2,000 SAR sofa would give a ROAS of 40, which no account has.
    const cpcSar = cpmBase / (1000 * ctrBase);
    const roas = objective === 'SALES' ? rng.logRange(1.3, 7) : objective === 'TRAFFIC' ? rng.range(0.4, 1.5) : objective === 'AWARENESS' ? rng.range(0.1, 0.5) : 0;
    const cvrBase = Math.min(0.08, Math.max(roas > 0 ? 0.001 : 0, (cpcSar * roas) / aovSar));
    const leadBase = objective === 'LEADS' ? Math.min(0.25, Math.max(0.005, cpcSar / rng.logRange(15, 150))) : 0;

    for (let s = 0; s < adSetsPerCampaign; s++) {
      const setCreated = createdDay + rng.int(0, 3);
      const st = statusOf(rng, 0.9, 0.3, setCreated, creationDay, 300);
      const setBudget = cbo ? null : sarToMinor(rng.logRange(50, 1500), account.currency);
      const setAt = childTimestamp(rng, setCreated, createdAt);
      const setName = platform === 'google' ? `${rng.pick(vertical.products)} – ${rng.pick(MATCH_TYPES)}` : rng.pick(AUDIENCES);
      const sg: AdSetGen = {
        e: { level: 'ad_set', id: newId('ad_set'), accountId: account.id, campaignId: cg.e.id, name: uniqueName(names, setName), status: st.status, dailyBudgetMinor: setBudget, createdAt: setAt, updatedAt: Number.isFinite(st.pausedFrom) ? timestamp(rng, st.pausedFrom) : setAt },
        campaign: cg, createdDay: setCreated, pausedFrom: st.pausedFrom, baseBudget: setBudget, share: setShares[s] ?? 0, ads: [],
      };
      data.adSets.push(sg.e);
      data.adSetById.set(sg.e.id, sg);

      const adShares = weights(rng, adsPerAdSet);
      for (let a = 0; a < adsPerAdSet; a++) {
        const refresh = rng.chance(0.15);
        const adCreated = Math.max(setCreated, Math.min(setCreated + (refresh ? rng.int(14, 120) : rng.int(0, 2)), creationDay - 1));
        const at = statusOf(rng, 0.9, 0.3, adCreated, creationDay, 200);
        const adAt = childTimestamp(rng, adCreated, setAt);
        const adName = `${platform === 'google' ? 'RSA' : rng.pick(FORMATS)} – ${rng.pick(vertical.products)}${rng.chance(0.4) ? ` – ${rng.pick(HOOKS)}` : ''}`;
        const ag: AdGen = {
          e: { level: 'ad', id: newId('ad'), accountId: account.id, campaignId: cg.e.id, adSetId: sg.e.id, name: uniqueName(names, adName), status: at.status, createdAt: adAt, updatedAt: Number.isFinite(at.pausedFrom) ? timestamp(rng, at.pausedFrom) : adAt },
          adSet: sg, campaign: cg, startDay: adCreated, pausedFrom: at.pausedFrom, share: adShares[a] ?? 0,
          cpm: sarPriceMinor(cpmBase * rng.range(0.8, 1.25), account.currency),
          ctr: ctrBase * rng.range(0.7, 1.4),
          cvr: cvrBase * rng.range(0.7, 1.4),
          leadRate: leadBase * rng.range(0.7, 1.4),
          aov: sarPriceMinor(aovSar * rng.range(0.85, 1.15), account.currency),
          seed: rng.seed(),
        };
        data.ads.push(ag.e);
        data.adById.set(ag.e.id, ag);
        data.allAds.push(ag);
        sg.ads.push(ag);
        cg.ads.push(ag);
      }
    }
  }
  return data;
}
