import type { Status } from './types.js';

interface Change<T> {
  from: number;
  value: T;
}

function record<T>(map: Map<string, Change<T>[]>, id: string, from: number, value: T): void {
  // A later change replaces anything from its day on (a clock moved back in a test included).
  const list = (map.get(id) ?? []).filter((c) => c.from < from);
  list.push({ from, value });
  map.set(id, list);
}

function at<T>(list: readonly Change<T>[] | undefined, day: number): Change<T> | undefined {
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i];
    if (c && c.from <= day) return c;
  }
  return undefined;
}

/**
 * Mutations made through the imitated APIs, each effective from the account-local day it was
 * made on. Entities never mutated cost one failed map lookup per question, which keeps adDay O(1).
 */
export class History {
  private readonly status = new Map<string, Change<Status>[]>();
  private readonly budget = new Map<string, Change<number>[]>();

  setStatus(id: string, day: number, value: Status): void {
    record(this.status, id, day, value);
  }

  setBudget(id: string, day: number, minor: number): void {
    record(this.budget, id, day, minor);
  }

  /** Whether the entity delivered on `day`: the latest mutation before it, else its catalog timeline. */
  activeOn(id: string, pausedFrom: number, day: number): boolean {
    const c = at(this.status.get(id), day);
    return c ? c.value === 'ACTIVE' : day < pausedFrom;
  }

  budgetOn(id: string, base: number, day: number): number {
    return at(this.budget.get(id), day)?.value ?? base;
  }
}
