import { dateOf } from './dates.js';
import type { AccountData } from './model.js';
import { fmix32, hashOf } from './rng.js';
import type { WorldAnomaly } from './types.js';

/**
 * Anomalies recur on fixed, seed-derived days (never relative to today, so history does not
 * change as the clock moves), often enough that any ~60-day window holds one of each.
 */
const SPIKE_PERIOD = 53;
const OUTAGE_PERIOD = 59;
const OUTAGE_DAYS = 2;
export const SPIKE_FACTOR = 3;

const mod = (a: number, n: number): number => ((a % n) + n) % n;

export class AnomalyPlan {
  private readonly spikePhase: number;
  private readonly outagePhase: number;
  private readonly spikeChoice = new Map<number, number>();

  constructor(private readonly data: AccountData) {
    const h = hashOf(data.account.seed, 'anomalies');
    this.spikePhase = h % SPIKE_PERIOD;
    this.outagePhase = fmix32(h) % OUTAGE_PERIOD;
  }

  isOutage(day: number): boolean {
    return mod(day + this.outagePhase, OUTAGE_PERIOD) < OUTAGE_DAYS;
  }

  /** Index of the campaign spiking on `day`, or -1. Picks one that was delivering by its catalog timeline. */
  spikeCampaign(day: number): number {
    if (mod(day + this.spikePhase, SPIKE_PERIOD) !== 0) return -1;
    const cached = this.spikeChoice.get(day);
    if (cached !== undefined) return cached;
    const eligible = this.data.campaignGens.filter(
      (c) => c.createdDay <= day && day < c.pausedFrom && c.ads.some((a) => a.startDay <= day && day < a.pausedFrom && day < a.adSet.pausedFrom),
    );
    const chosen = eligible.length ? (eligible[fmix32(this.data.account.seed ^ Math.imul(day, 0x9e3779b1)) % eligible.length]?.index ?? -1) : -1;
    this.spikeChoice.set(day, chosen);
    return chosen;
  }

  list(fromDay: number, toDay: number): WorldAnomaly[] {
    const out: WorldAnomaly[] = [];
    for (let day = Math.max(fromDay, this.data.startDay); day <= toDay; day++) {
      const spike = this.spikeCampaign(day);
      const campaign = spike >= 0 ? this.data.campaignGens[spike] : undefined;
      if (campaign) out.push({ kind: 'spend_spike', date: dateOf(day), campaignId: campaign.e.id, factor: SPIKE_FACTOR });
      if (this.isOutage(day) && !this.isOutage(day - 1)) {
        const dates: string[] = [];
        for (let d = day; d < day + OUTAGE_DAYS && d <= toDay; d++) dates.push(dateOf(d));
        out.push({ kind: 'tracking_outage', dates });
      }
    }
    return out;
  }
}
