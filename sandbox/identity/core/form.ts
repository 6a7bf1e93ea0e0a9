import type { FastifyInstance } from 'fastify';

/**
 * Token requests and sign-in forms arrive as application/x-www-form-urlencoded. Parsed
 * into a flat object within the provider's own scope (a repeated field keeps its last value).
 */
export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
}

export type FormBody = Record<string, string | undefined>;

/** A form or JSON body as plain strings; anything else reads as empty. */
export function formOf(body: unknown): FormBody {
  if (typeof body !== 'object' || body === null) return {};
  const out: FormBody = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}
