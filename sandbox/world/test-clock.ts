/** A fixed instant for tests: 15:00 in Riyadh, so "today" there is 62.5% elapsed. */
export const FIXED_NOW = new Date('2026-11-25T12:00:00.000Z');

/** A clock tests can move: `clock.set('2026-11-26T09:00:00Z')`. */
export function movableClock(start: Date = FIXED_NOW): { now: () => Date; set(iso: string): void; advanceDays(n: number): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set(iso) {
      t = Date.parse(iso);
    },
    advanceDays(n) {
      t += n * 86_400_000;
    },
  };
}
