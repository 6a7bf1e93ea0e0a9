import type { AnomalyPlan } from './anomalies.js';
import { SPIKE_FACTOR } from './anomalies.js';
import { weekday } from './dates.js';
import type { History } from './history.js';
import type { AccountData, AdGen } from './model.js';
import { noise } from './rng.js';
import type { DayNumbers } from './types.js';

export function zeroDay(): DayNumbers {
  return { impressions: 0, clicks: 0, spendMinor: 0, purchases: 0, revenueMinor: 0, leads: 0 };
}

export interface DeliveryClock {
  today: number;
  /** Share of today already elapsed in the account's zone, 0–1. */
  fraction: number;
}

/** Rounds `x` down or up with probability equal to its fraction, so small expected counts still add up right. */
const stochastic = (x: number, u: number): number => Math.floor(x + u);

/**
 * One ad's numbers on one day. A pure function of the ad's constants, the day, the mutation
 * history and the clock: spend is the budget share with pacing noise, and everything after it
 * (impressions, clicks, purchases, leads, revenue) is drawn from spend, so a budget change
 * scales the whole funnel from the day it was made.
 */
export function adDayNumbers(data: AccountData, history: History, plan: AnomalyPlan, clock: DeliveryClock, ad: AdGen, day: number): DayNumbers {
  if (day > clock.today || day < ad.startDay) return zeroDay();
  const c = ad.campaign;
  const s = ad.adSet;
  if (!history.activeOn(c.e.id, c.pausedFrom, day) || !history.activeOn(s.e.id, s.pausedFrom, day) || !history.activeOn(ad.e.id, ad.pausedFrom, day)) return zeroDay();

  const budget = c.baseBudget !== null ? history.budgetOn(c.e.id, c.baseBudget, day) * s.share : history.budgetOn(s.e.id, s.baseBudget ?? 0, day);
  const seed = ad.seed;
  const spike = plan.spikeCampaign(day) === c.index;
  let spend = budget * ad.share * (0.82 + 0.16 * noise(seed, day, 0));
  if (spike) spend *= SPIKE_FACTOR;
  if (day === clock.today) spend *= clock.fraction;
  const spendMinor = stochastic(spend, noise(seed, day, 1));
  if (spendMinor <= 0) return zeroDay();

  const week = data.weekdayConv[weekday(day)] ?? 1;
  const cpm = ad.cpm * (0.85 + 0.3 * noise(seed, day, 2)) * (2 - week);
  const impressions = stochastic((spendMinor * 1000) / cpm, noise(seed, day, 3));
  // Creatives tire: CTR settles to ~75% of its launch value over a few months.
  const fatigue = 0.75 + 0.25 * Math.exp(-(day - ad.startDay) / 120);
  const clicks = Math.min(impressions, stochastic(impressions * ad.ctr * fatigue * (0.8 + 0.4 * noise(seed, day, 4)), noise(seed, day, 5)));
  const trend = Math.min(1.6, Math.max(0.5, 1 + (c.trend * (day - c.createdDay)) / 365));
  // A spike buys worse traffic: three times the spend brings about half again the conversions.
  const conv = trend * week * (spike ? 0.5 : 1);
  if (plan.isOutage(day)) return { impressions, clicks, spendMinor, purchases: 0, revenueMinor: 0, leads: 0 };
  const purchases = Math.min(clicks, stochastic(clicks * ad.cvr * conv * (0.7 + 0.6 * noise(seed, day, 6)), noise(seed, day, 7)));
  const revenueMinor = purchases > 0 ? Math.round(purchases * ad.aov * (0.85 + 0.3 * noise(seed, day, 8))) : 0;
  const leads = Math.min(clicks, stochastic(clicks * ad.leadRate * conv * (0.7 + 0.6 * noise(seed, day, 9)), noise(seed, day, 10)));
  return { impressions, clicks, spendMinor, purchases, revenueMinor, leads };
}
