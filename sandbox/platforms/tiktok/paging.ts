/**
 * TikTok pages by number: `page` (from 1) and `page_size` (1–1000), answered with
 * `page_info {page, page_size, total_number, total_page}`. A page past the end is an empty list.
 */
export interface PageInfo {
  page: number;
  page_size: number;
  total_number: number;
  total_page: number;
}

export function pageInfo(page: number, pageSize: number, total: number): PageInfo {
  return { page, page_size: pageSize, total_number: total, total_page: Math.ceil(total / pageSize) };
}

/** Offsets of one page within `total` items. */
export function pageWindow(page: number, pageSize: number, total: number): { from: number; to: number } {
  const from = Math.min((page - 1) * pageSize, total);
  return { from, to: Math.min(from + pageSize, total) };
}

const indexes = new WeakMap<object, Map<string, Map<string, number[]>>>();

/**
 * Positions of the items in `list` grouped by a key (their id, their campaign…), built once
 * per list: the world hands out the same array until an account's entities change, so a page
 * filtered by ids costs the page, not the account.
 */
export function positionsBy<E extends object>(list: readonly E[], name: string, keyOf: (e: E) => string): Map<string, number[]> {
  let byName = indexes.get(list);
  if (!byName) indexes.set(list, (byName = new Map()));
  let index = byName.get(name);
  if (!index) {
    index = new Map();
    list.forEach((e, i) => {
      const k = keyOf(e);
      const at = index!.get(k);
      if (at) at.push(i);
      else index!.set(k, [i]);
    });
    byName.set(name, index);
  }
  return index;
}
