import type { FastifyInstance } from 'fastify';

/** A parsed form: a field sent once is a string, a repeated one (the account checkboxes) an array. */
export type Form = Record<string, string | string[]>;

/** Token requests and the consent form arrive as application/x-www-form-urlencoded. */
export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    const out: Form = {};
    for (const [k, v] of new URLSearchParams(String(body))) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    done(null, out);
  });
}

/** The last value of a field as a non-empty string, or null. */
export function field(form: unknown, name: string): string | null {
  if (typeof form !== 'object' || form === null) return null;
  const v = (form as Record<string, unknown>)[name];
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof last === 'string' && last !== '' ? last : null;
}

/** Every value of a field (checkboxes), ignoring non-strings. */
export function fields(form: unknown, name: string): string[] {
  if (typeof form !== 'object' || form === null) return [];
  const v = (form as Record<string, unknown>)[name];
  const all = Array.isArray(v) ? v : [v];
  return all.filter((x): x is string => typeof x === 'string' && x !== '');
}
