/**
 * Positions of children by parent id, built once per entity list the world hands out, so a page
 * of `/campaigns/{id}/adsquads` costs O(page) instead of a scan of the account. Positions rather
 * than objects are kept, so an entity the world replaces after a mutation is read fresh.
 */
const cache = new WeakMap<readonly object[], Map<string, Map<string, number[]>>>();

export function childPositions<T extends object>(list: readonly T[], key: string, parentOf: (item: T) => string, parentId: string): readonly number[] {
  let byKey = cache.get(list);
  if (!byKey) {
    byKey = new Map();
    cache.set(list, byKey);
  }
  let index = byKey.get(key);
  if (!index) {
    index = new Map();
    list.forEach((item, i) => {
      const p = parentOf(item);
      const arr = index!.get(p);
      if (arr) arr.push(i);
      else index!.set(p, [i]);
    });
    byKey.set(key, index);
  }
  return index.get(parentId) ?? [];
}

/** A read-only view of some positions of a list, sliceable without copying the list. */
export interface Listing<T> {
  length: number;
  slice(from: number, to: number): T[];
}

export const whole = <T>(list: readonly T[]): Listing<T> => ({ length: list.length, slice: (a, b) => list.slice(a, b) });

export const subset = <T>(list: readonly T[], positions: readonly number[]): Listing<T> => ({
  length: positions.length,
  slice: (a, b) => positions.slice(a, b).map((i) => list[i]!),
});
