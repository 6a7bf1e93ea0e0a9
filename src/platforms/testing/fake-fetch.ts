/**
 * A stand-in for `fetch` in adapter unit tests: it answers from routes written in the test and
 * records every request, so a test can say both what the platform answered and what the
 * adapter sent (path, query, headers, form or JSON body).
 */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/** An answer for the requests a route knows (`n` counts requests from 1), undefined for the rest. */
export type Route = (req: SeenRequest, n: number) => Response | undefined;

/** A JSON answer; a string is sent as it is, so a test can cut a body short. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** The short form some tests write answers in: a body with its status, or raw text sent with 200. */
export type Answer = { status?: number; body: unknown; headers?: Record<string, string> } | string;

export function reply(a: Answer): Response {
  return typeof a === 'string' ? new Response(a, { status: 200 }) : new Response(JSON.stringify(a.body), { status: a.status ?? 200, ...(a.headers ? { headers: a.headers } : {}) });
}

const noRoute = (req: SeenRequest): Response => new Response(`no route for ${req.method} ${req.url.pathname}`, { status: 404 });

/** Asks the routes in order; the first answer wins, and `otherwise` answers what none knows. */
export function fakeFetch(routes: Route | Route[], otherwise: (req: SeenRequest) => Response = noRoute): { fetch: typeof fetch; seen: SeenRequest[] } {
  const list = Array.isArray(routes) ? routes : [routes];
  const seen: SeenRequest[] = [];
  const f = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const req: SeenRequest = { method: init?.method ?? 'GET', url, headers: new Headers(init?.headers), body: init?.body ? String(init.body) : '' };
    seen.push(req);
    for (const route of list) {
      const out = route(req, seen.length);
      if (out) return out;
    }
    return otherwise(req);
  };
  return { fetch: f as typeof fetch, seen };
}
