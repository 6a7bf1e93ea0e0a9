import type { DayNumbers } from '../../world/types.js';
import { isEmptyDay } from './report-metrics.js';

/**
 * The rows of a report, computed lazily. A report is a grid of units (ads, ad groups,
 * campaigns, or the advertiser) × days, visited day by day; TikTok leaves out rows without
 * delivery, so where a page starts depends on how many empty cells come before it. The first
 * request for a query counts the non-empty cells once (O(1) each, nothing kept but one
 * position per page); every page after that is computed from its start position in
 * O(page size). The count is kept while the account's entities and the date are unchanged.
 */
export interface Grid {
  units: number;
  /** Number of days (1 when rows are totals over the range). */
  days: number;
  numbers(unit: number, day: number): DayNumbers;
}

export interface Cell {
  unit: number;
  day: number;
  n: DayNumbers;
}

interface Scan {
  fingerprint: string;
  total: number;
  /** Grid position where each page begins. */
  starts: number[];
}

const MAX_SCANS = 64;
const scans = new Map<string, Scan>();

function remember(key: string, scan: Scan): void {
  scans.delete(key);
  scans.set(key, scan);
  if (scans.size > MAX_SCANS) scans.delete(scans.keys().next().value!);
}

function count(grid: Grid, pageSize: number, fingerprint: string): Scan {
  const starts: number[] = [];
  let total = 0;
  const size = grid.units * grid.days;
  for (let p = 0; p < size; p++) {
    const day = Math.floor(p / grid.units);
    if (isEmptyDay(grid.numbers(p - day * grid.units, day))) continue;
    if (total % pageSize === 0) starts.push(p);
    total++;
  }
  return { fingerprint, total, starts };
}

/** One page of non-empty cells and the number of non-empty cells in all. */
export function reportPage(grid: Grid, key: string, fingerprint: string, page: number, pageSize: number): { cells: Cell[]; total: number } {
  const cacheKey = `${key}|${pageSize}`;
  let scan = scans.get(cacheKey);
  if (!scan || scan.fingerprint !== fingerprint) scan = count(grid, pageSize, fingerprint);
  remember(cacheKey, scan);
  const cells: Cell[] = [];
  const start = scan.starts[page - 1];
  if (start === undefined) return { cells, total: scan.total };
  const size = grid.units * grid.days;
  for (let p = start; p < size && cells.length < pageSize; p++) {
    const day = Math.floor(p / grid.units);
    const unit = p - day * grid.units;
    const n = grid.numbers(unit, day);
    if (!isEmptyDay(n)) cells.push({ unit, day, n });
  }
  return { cells, total: scan.total };
}
