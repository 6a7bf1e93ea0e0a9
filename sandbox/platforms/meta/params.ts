import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { graphErrors } from './errors.js';

/**
 * Graph reads parameters from the query string and the body alike (form or JSON), so one
 * request's parameters are merged here; the body wins when both carry a name.
 */
export type Params = Record<string, unknown>;

/** Forms keep repeated names as arrays: the consent form posts one `account` per checkbox. */
export function acceptGraphForms(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(String(body))) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    done(null, out);
  });
}

export function paramsOf(req: FastifyRequest): Params {
  const query = (req.query ?? {}) as Params;
  const body = typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? (req.body as Params) : {};
  return { ...query, ...body };
}

/** A scalar parameter as Graph sees it: numbers and booleans in JSON bodies read as their text. */
export function str(p: Params, key: string): string | undefined {
  const v = p[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && typeof v[0] === 'string') return v[v.length - 1] as string;
  return undefined;
}

export function list(p: Params, key: string): string[] {
  const v = p[key];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

/**
 * A parameter carrying JSON (time_range, filtering, effective_status, data): a string in the
 * query or a form, or the value itself in a JSON body. Checked against `schema`.
 */
export function jsonParam<S extends z.ZodType>(p: Params, key: string, schema: S): z.infer<S> | undefined {
  const raw = p[key];
  if (raw === undefined || raw === '') return undefined;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw graphErrors.invalidParam(`(#100) param ${key} must be a valid JSON value`);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? `[${issue.path.join('][')}]` : '';
    throw graphErrors.invalidParam(`(#100) param ${key}${where} ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

/** Graph's `limit`: a positive integer; pages larger than the cap are cut to it (callers follow `next`). */
export function limitOf(p: Params, fallback: number, max: number): number {
  const raw = str(p, 'limit');
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw graphErrors.invalidParam(`(#100) param limit must be a non-negative integer`);
  const n = Number(raw);
  return Math.min(Math.max(n, 1), max);
}
