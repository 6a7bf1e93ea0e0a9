import type { FastifyInstance } from 'fastify';

export type FormFields = Record<string, string[]>;

/**
 * The consent page posts application/x-www-form-urlencoded. Every field keeps all its
 * values, because each ticked ad account arrives as its own `account=` pair.
 */
export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    const out: FormFields = {};
    for (const [k, v] of new URLSearchParams(String(body))) (out[k] ??= []).push(v);
    done(null, out);
  });
}

export function formFields(body: unknown): FormFields {
  if (typeof body !== 'object' || body === null) return {};
  const out: FormFields = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = [v];
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

export const first = (f: FormFields, name: string): string => f[name]?.[0] ?? '';
