import type { DayNumbers } from './types.js';

/** Beyond this many remembered sums an account starts over: a bound on memory, not a tuning knob. */
const MAX_ENTRIES = 250_000;

/**
 * One account's remembered sums of ad numbers per (entity, day). Only days before the account's
 * today are kept: their numbers change only through a mutation (which calls `clear`), while
 * today's keep growing with the clock. A new today (the clock moved either way) starts over.
 */
export class DaySums {
  private today = Number.NaN;
  private readonly sums = new Map<string, DayNumbers>();

  /** The memo for `today`, emptied first when today has moved since it was last used. */
  at(today: number): this {
    if (today !== this.today) {
      this.sums.clear();
      this.today = today;
    }
    return this;
  }

  get(key: string): DayNumbers | undefined {
    return this.sums.get(key);
  }

  set(key: string, n: DayNumbers): void {
    if (this.sums.size >= MAX_ENTRIES) this.sums.clear();
    this.sums.set(key, n);
  }

  clear(): void {
    this.sums.clear();
  }
}
