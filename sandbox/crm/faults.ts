import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/** A queued failure: the next `count` requests to a CRM answer `status` (after `retryAfterSeconds`, if set). */
export interface Fault {
  status: number;
  count: number;
  retryAfterSeconds: number | null;
}

export const faultInput = z.object({
  status: z.number().int().min(400).max(599),
  count: z.number().int().min(1).max(100).default(1),
  retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
});

/** One request as the imitated CRM saw it, for tests and people to check retries. */
export interface SeenRequest {
  at: string;
  method: string;
  path: string;
  status: number;
}

/** The faults waiting and the requests seen, per imitated CRM (in memory, like everything in the sandbox). */
export class CrmLog {
  faults: Fault[] = [];
  requests: SeenRequest[] = [];

  /** The next queued fault, consumed; null when requests should be served. */
  takeFault(): Fault | null {
    const f = this.faults[0];
    if (!f) return null;
    f.count -= 1;
    if (f.count <= 0) this.faults.shift();
    return f;
  }

  /** Records each answered request of `app`'s routes. */
  watch(app: FastifyInstance): void {
    app.addHook('onResponse', async (req, reply) => {
      this.requests.push({ at: new Date().toISOString(), method: req.method, path: req.url.split('?')[0]!, status: reply.statusCode });
      if (this.requests.length > 1000) this.requests.splice(0, this.requests.length - 1000);
    });
  }

  reset(): void {
    this.faults = [];
    this.requests = [];
  }
}

/** Form bodies (`application/x-www-form-urlencoded`), as OAuth token endpoints take them. */
export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
}
