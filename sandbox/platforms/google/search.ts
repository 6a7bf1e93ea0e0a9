import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { World } from '../../world/types.js';
import { reach } from './auth.js';
import { parseBody } from './body.js';
import type { Customer } from './customers.js';
import { adsError, at, invalid, requestIdOf } from './errors.js';
import { GaqlError } from './gaql.js';
import { decodeCursor, encodeCursor, PAGE_SIZE, queryKey, type Cursor } from './paging.js';
import { fieldMask, planQuery, type Plan } from './plan.js';
import { compareRows, renderRow } from './render.js';
import type { RowCtx } from './row.js';
import { walk } from './rows.js';
import { dayNumber } from './units.js';

/**
 * GoogleAdsService: `googleAds:search` (pages of a fixed 10,000 rows with `nextPageToken`) and
 * `googleAds:searchStream` (a JSON array of up to 10,000-row chunks, written as it is computed).
 */
const searchBody = z
  .object({
    query: z.string(),
    pageToken: z.string().optional(),
    pageSize: z.number().int().optional(),
    validateOnly: z.boolean().optional(),
    returnTotalResultsCount: z.boolean().optional(),
    summaryRowSetting: z.enum(['UNSPECIFIED', 'UNKNOWN', 'NO_SUMMARY_ROW', 'SUMMARY_ROW_WITH_RESULTS', 'SUMMARY_ROW_ONLY']).optional(),
    searchSettings: z.object({ returnTotalResultsCount: z.boolean().optional(), returnSummaryRow: z.boolean().optional(), omitResults: z.boolean().optional() }).strict().optional(),
  })
  .strict();

const streamBody = z
  .object({ query: z.string(), summaryRowSetting: searchBody.shape.summaryRowSetting })
  .strict();

function plan(query: string, customer: Customer, world: World): Plan {
  if (!query.trim()) throw invalid(adsError('queryError', 'UNEXPECTED_END_OF_QUERY', 'The query is empty.', at('query')));
  try {
    return planQuery(query, customer, customer.kind === 'client' ? dayNumber(world.today(customer.account)) : null);
  } catch (e) {
    if (e instanceof GaqlError) throw invalid(adsError('queryError', e.code, e.message, at('query'), e.trigger));
    throw e;
  }
}

/**
 * What a query's whole-result answers (sorted rows, the total count) were computed from: the
 * query, the account's revision and its date. Equal stamps mean equal answers, so they are kept
 * between pages. A range reaching today has numbers that move with the clock: never kept (null).
 */
function stampOf(world: World, customer: Customer, p: Plan): string | null {
  if (customer.kind !== 'client') return null;
  const a = customer.account;
  const today = world.today(a);
  if (p.days !== null && p.days.hi >= dayNumber(today)) return null;
  return `${customer.id}|${JSON.stringify(p.query)}|${world.revision(a)}|${today}`;
}

// Sorted results of a large account are big; two keep a paging client and one other query fast.
const MAX_KEPT = 2;
const kept = new WeakMap<World, Map<string, { rows?: RowCtx[]; total?: number }>>();

function keptFor(world: World, customer: Customer, p: Plan): { rows?: RowCtx[]; total?: number } {
  const stamp = stampOf(world, customer, p);
  if (stamp === null) return {};
  let byStamp = kept.get(world);
  if (!byStamp) kept.set(world, (byStamp = new Map()));
  let entry = byStamp.get(stamp);
  if (!entry) {
    if (byStamp.size >= MAX_KEPT) byStamp.delete(byStamp.keys().next().value!);
    byStamp.set(stamp, (entry = {}));
  }
  return entry;
}

/** All rows in ORDER BY order: sorting needs every row, so this is the one path that holds them all (once per query and state). */
function sortedRows(world: World, customer: Customer, p: Plan): RowCtx[] {
  const entry = keptFor(world, customer, p);
  if (entry.rows) return entry.rows;
  const rows = [...walk(world, customer, p)].map((w) => w.row).sort((a, b) => compareRows(p, a, b));
  return (entry.rows = p.query.limit === null ? rows : rows.slice(0, p.query.limit));
}

function page(world: World, customer: Customer, p: Plan, cursor: Cursor): { results: Record<string, unknown>[]; next: number | null } {
  const remaining = p.query.limit === null ? Number.POSITIVE_INFINITY : p.query.limit - cursor.n;
  const cap = Math.min(PAGE_SIZE, remaining);
  if (!p.natural) {
    const rows = sortedRows(world, customer, p);
    const slice = rows.slice(cursor.p, cursor.p + cap);
    return { results: slice.map((r) => renderRow(p, r)), next: cursor.p + slice.length < rows.length ? cursor.p + slice.length : null };
  }
  const results: Record<string, unknown>[] = [];
  let next: number | null = null;
  if (cap <= 0) return { results, next };
  for (const w of walk(world, customer, p, cursor.p)) {
    if (results.length === cap) {
      next = w.pos;
      break;
    }
    results.push(renderRow(p, w.row));
  }
  return { results, next };
}

function total(world: World, customer: Customer, p: Plan): number {
  if (!p.natural) return sortedRows(world, customer, p).length;
  const entry = keptFor(world, customer, p);
  if (entry.total !== undefined) return entry.total;
  let n = 0;
  for (const _ of walk(world, customer, p)) if (++n === p.query.limit) break;
  return (entry.total = n);
}

export function searchHandler(world: World) {
  return async (req: FastifyRequest<{ Params: { cid: string } }>, reply: FastifyReply) => {
    const customer = reach(req, world, req.params.cid);
    const body = parseBody(searchBody, req.body);
    if (body.pageSize !== undefined) {
      throw invalid(adsError('requestError', 'PAGE_SIZE_NOT_SUPPORTED', 'Setting the page size is not supported. Search Responses will have fixed page size of 10000 rows.', at('page_size')));
    }
    const p = plan(body.query, customer, world);
    const mask = fieldMask(p);
    if (body.validateOnly) return reply.send({ fieldMask: mask });
    const q = queryKey(customer.id, body.query);
    const cursor: Cursor = body.pageToken ? decodeCursor(body.pageToken, q) : { q, p: 0, n: 0 };
    const { results, next } = page(world, customer, p, cursor);
    const wantTotal = body.returnTotalResultsCount ?? body.searchSettings?.returnTotalResultsCount ?? false;
    return reply.type('application/json; charset=UTF-8').send({
      ...(results.length > 0 ? { results } : {}),
      ...(next !== null ? { nextPageToken: encodeCursor({ q, p: next, n: cursor.n + results.length }) } : {}),
      ...(wantTotal ? { totalResultsCount: String(total(world, customer, p)) } : {}),
      fieldMask: mask,
    });
  };
}

function* streamChunks(world: World, customer: Customer, p: Plan, requestId: string): Generator<string> {
  const mask = fieldMask(p);
  const rows = p.natural ? null : sortedRows(world, customer, p);
  const source = rows ? rows.values() : (function* () {
    let n = 0;
    for (const w of walk(world, customer, p)) {
      if (n++ === p.query.limit) return;
      yield w.row;
    }
  })();
  let chunk: Record<string, unknown>[] = [];
  let sent = 0;
  yield '[';
  for (const row of source) {
    chunk.push(renderRow(p, row));
    if (chunk.length === PAGE_SIZE) {
      yield `${sent++ > 0 ? ',' : ''}${JSON.stringify({ results: chunk, fieldMask: mask, requestId })}`;
      chunk = [];
    }
  }
  if (chunk.length > 0 || sent === 0) yield `${sent > 0 ? ',' : ''}${JSON.stringify({ ...(chunk.length > 0 ? { results: chunk } : {}), fieldMask: mask, requestId })}`;
  yield ']';
}

export function searchStreamHandler(world: World) {
  return async (req: FastifyRequest<{ Params: { cid: string } }>, reply: FastifyReply) => {
    const customer = reach(req, world, req.params.cid);
    const body = parseBody(streamBody, req.body);
    const p = plan(body.query, customer, world);
    return reply.type('application/json; charset=UTF-8').send(Readable.from(streamChunks(world, customer, p, requestIdOf(reply))));
  };
}
