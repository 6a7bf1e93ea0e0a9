import { z } from 'zod';
import { invalid } from './errors.js';

/**
 * GET parameters of TikTok's API carry arrays and objects as JSON text
 * (`fields=["campaign_id"]`, `filtering={"campaign_ids":["1"]}`). Connectors built on Python
 * often send the repr instead (`['campaign_id']`), which TikTok tolerates, so we do too.
 */
export function decodeJsonParam(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    try {
      return JSON.parse(raw.replace(/'/g, '"').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false'));
    } catch {
      throw invalid(`${name}: Not a valid JSON value.`);
    }
  }
}

/** Reads the query as flat strings: a repeated parameter keeps its last value. */
export function flatQuery(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof query !== 'object' || query === null) return out;
  for (const [k, v] of Object.entries(query)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v) && typeof v[v.length - 1] === 'string') out[k] = v[v.length - 1] as string;
  }
  return out;
}

/** Turns a zod failure into TikTok's parameter error, worded like its own (`field: message`). */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : 'request';
  const missing = issue?.code === 'invalid_type' && /received undefined/.test(issue.message);
  throw invalid(`${path}: ${missing ? 'Missing data for required field.' : (issue?.message ?? 'Invalid value.')}`);
}

/** TikTok ids are 64-bit numbers; clients must send them as strings, but numbers that survive JSON are accepted. */
export const idString = z.union([z.string().regex(/^\d{1,20}$/, 'Not a valid ID.'), z.number().int().nonnegative()]).transform(String);

export const pageParam = z.coerce.number().int().min(1, 'page must be at least 1.').default(1);
export const pageSizeParam = z.coerce.number().int().min(1, 'page_size must be between 1 and 1000.').max(1000, 'page_size must be between 1 and 1000.').default(10);

/** A JSON-encoded array of strings in a GET parameter. */
export function stringList(name: string, raw: string | undefined): string[] | undefined {
  const v = decodeJsonParam(name, raw);
  if (v === undefined) return undefined;
  const r = z.array(z.union([z.string(), z.number()]).transform(String)).safeParse(v);
  if (!r.success) throw invalid(`${name}: Not a valid list.`);
  return r.data;
}

/** A required 64-bit id parameter (`advertiser_id`…). */
export function requiredId(name: string, raw: unknown): string {
  if (raw === undefined || raw === null || raw === '') throw invalid(`${name}: Missing data for required field.`);
  const r = idString.safeParse(raw);
  if (!r.success) throw invalid(`${name}: Not a valid ID.`);
  return r.data;
}
